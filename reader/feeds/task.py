"""A worker's task named by its module and function, so the process that hands it over never imports it."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class Named(Generic[T]):
    """A worker's task given by its module and function name, imported only in the worker that runs it.

    It is pickled as the two names, so the process that hands it to a worker never imports the module
    (the parse workers' fork server has the parsers preloaded; the fetching process never loads them).
    """

    __slots__ = ("module", "name")

    def __init__(self, module: str, name: str) -> None:
        self.module = module
        self.name = name

    def __call__(self, *args: Any, **kwargs: Any) -> T:
        function: Callable[..., T] = getattr(importlib.import_module(self.module), self.name)
        return function(*args, **kwargs)

    def __reduce__(self) -> tuple[type[Named[T]], tuple[str, str]]:
        return type(self), (self.module, self.name)

    def __repr__(self) -> str:
        return f"Named({self.module}.{self.name})"


def in_language(language: str, task: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """task(*args, **kwargs) with its messages in `language`: a worker speaks the language of the process
    that hands it the work (its fork server started with whatever the environment said then)."""
    from reader.text.messages import use_language

    use_language(language)
    return task(*args, **kwargs)
