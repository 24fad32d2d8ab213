"""Players, coaches and teams named in a text; `entities.find_entities` is the way in."""
