"""The words a user sees for an article's kind and for a person's kind: the ids stay Italian (they are the
annotator's), the labels go through the message catalogue."""

from __future__ import annotations

from reader.text.messages import N_, _

KIND_LABELS = {
    "anteprima": N_("preview"), "intervista": N_("interview"), "conferenza": N_("press conference"),
    "cronaca": N_("match report"), "pagelle": N_("ratings"), "mercato": N_("transfers"),
    "rassegna": N_("press review"), "altro": N_("other"),
}
PERSON_LABELS = {"player": N_("player"), "coach": N_("coach"), "other": N_("other person")}
LEARNED_LABELS = {"cue": N_("from a cue"), "speaker": N_("as a speaker"), "names": N_("from [names]")}


def kind_label(kind: str) -> str:
    """An article kind as the user reads it ("press conference" / "conferenza")."""
    return _(KIND_LABELS[kind]) if kind in KIND_LABELS else kind


def person_label(kind: str) -> str:
    """A person's kind as the user reads it."""
    return _(PERSON_LABELS[kind]) if kind in PERSON_LABELS else kind


def learned_label(how: str) -> str:
    """How the annotator learned a name no list knew; "" for one a list knew."""
    return _(LEARNED_LABELS[how]) if how in LEARNED_LABELS else ""
