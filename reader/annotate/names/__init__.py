"""Players, coaches and teams named in a text: the gazetteer's names, the article's own full names, cue words.

`entities.find_entities` is the way in; `teams` looks a team up by name without reading a text. The modules:

- article: the text as folded words with offsets and capitals, and what the passes record on it
- words: the Italian articles and function words the rules read
- scan: pass 1, the gazetteer's names and the user's [names] matched over the text
- cues: pass 2, the people that cue words introduce ("il portiere X"); the words are data/cues.tsv
- lookalikes: the rules that throw out words looking like a name that do not name one here
- variants: a misspelt first name or an accent written the other way that is still the same name
- others: the people who are neither players nor coaches (presidents, directors), found for the speakers
- entities: passes 3 to 5, learning the article's clubs and people and deciding each mention
- teams: the team a name or alias stands for, and the list of known teams

Stadiums, broadcasters and competitions (Maradona, Sky Sport, Coppa Italia) are gazetteer blocks, never names.
Cheap to import: the gazetteer and the cue words are read on first use.

May import: the standard library, reader.annotate.gazetteer, reader.annotate.model and reader.annotate.marks,
and reader.settings for type checking only.
"""
