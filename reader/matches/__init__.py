"""The match centre: a fixtures calendar, every article joined to the match it is about, the same story told
by several outlets as one, and each match's coverage in match order.

- calendar: the calendar in the store, the seasons shipped in data/fixtures.tsv.gz (scripts/fixtures.py)
- openfootball: openfootball's JSON read into fixtures, checked; clubs: its club names as the press says them
- update: `sportreader fixtures update`, a season downloaded through the feeds' fetch layer
- competitions: competition codes, names, and the competition an article names (data/competitions.tsv)
- reading: what an article says (fixture, kind, teams, competition), read once per entry and stored
- join: articles joined to fixtures, or to matches formed from the articles themselves
- stages: the stages of a match's coverage in match order; stories: the same story told by several outlets
- centre: the calls a command or the UI makes (pure functions over the store, safe on a worker thread)
- model: what they return; spoilers: a score and ratings hidden until a match is watched; teams: my teams

May import: the standard library, reader.models, reader.settings, reader.text, reader.store, reader.feeds
(the fetch layer, for the update) and reader.annotate (the match detector, the gazetteer). Never Textual,
reader.cli or reader.ui.
"""
