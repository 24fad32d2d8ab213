"""Build reader/annotate/data/gazetteer.tsv.gz: players, coaches and clubs for the annotator.

Sources (public facts only):
  * ../shared/corpora/players (CC0, see its SOURCES.md): Transfermarkt top-5-league players seen up to
    mid-2022 (kept when born in 1987 or later), Euro 2024 squads, the 2025 club list;
  * the hand-written facts at the end of this file: 2025/26 squads and coaches, clubs with their Italian
    names and nicknames, and the word lists the annotator uses to reject look-alikes.

Run from the repository root:  .venv/bin/python scripts/build_gazetteer.py [--players DIR]
Output lines are tab-separated, every key already folded (the format reader/annotate/gazetteer.py reads;
a field holding several keys separates them with "|"):
  player|coach  canonical  tier  team  name-keys  short-form-keys  first-name-key (tier 3 only)
  team          canonical  tier  name-keys  nickname-keys
  block         label  keys
  place|country|common|notplayer|weak  key
Tiers: 3 hand-checked 2025/26, 2 Euro 2024 squads and young Serie A players of 2022, 1 everyone else.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from reader.annotate.gazetteer import fold_key, name_parts  # noqa: E402

OUTPUT = REPO / "reader" / "annotate" / "data" / "gazetteer.tsv.gz"
DEFAULT_PLAYERS = REPO.parent / "shared" / "corpora" / "players"
OLDEST_BIRTH_YEAR = 1987
YOUNG_SERIE_A_YEAR = 1994

EURO_LINE = re.compile(r"^\s*\d+,\s*(?P<name>[^,]+?),\s*(?P<pos>GK|DF|MF|FW),.*?b\.\s*(?P<year>\d{4}),\s*"
                       r"(?P<club>.+?)\s*\((?P<country>[A-Z]{3})\)\s*$")
# Words that dress a club's name without being part of how it is called ("Arsenal Football Club").
CLUB_WORDS = frozenset(fold_key("""
    fc afc ac as ssc sc sk jk cf bc us sl rsc tsg vfl vfb hnk fk pfk rfk nk tov ag sad spa s p a calcio
    football futbol futebol fodbold fussball fusball club clube kulubu spor sportif jimnastik association
    associazione societa sportiva sportivo unione cricket and of the
    """).split())


@dataclass
class Person:
    """One player or coach as the build collects it."""

    name: str
    kind: str
    tier: int
    team: str = ""
    aliases: list[str] = field(default_factory=list)
    shorts: list[str] | None = None  # None: derived from the name


def tsv(*fields: str | int) -> str:
    """One output line; tabs and newlines in a field would break the format."""
    cleaned = [str(f).replace("\t", " ").replace("\n", " ") for f in fields]
    return "\t".join(cleaned) + "\n"


class Builder:
    """Collects people and teams from every source, the better source winning on conflicts."""

    def __init__(self) -> None:
        self.people: dict[str, Person] = {}
        self.team_keys: dict[str, str] = {}  # folded name or alias -> canonical team

    def add_person(self, person: Person) -> None:
        """Add or upgrade; a higher tier replaces the spelling, kind and team of a lower one."""
        key = fold_key(person.name)
        old = self.people.get(key)
        if old is None or person.tier > old.tier:
            if old is not None:
                person.aliases = sorted({*person.aliases, *old.aliases})
            self.people[key] = person
        elif person.tier == old.tier and not old.team:
            old.team = person.team

    def team_of(self, *spellings: str) -> str:
        """Canonical team for a club name as a source spells it, or ""."""
        for spelling in spellings:
            for candidate in (fold_key(spelling), club_key(spelling)):
                if candidate in self.team_keys:
                    return self.team_keys[candidate]
        return ""


def club_key(name: str) -> str:
    """A club name's folded key without legal words and years ("Arsenal Football Club" -> "arsenal")."""
    words = [w for w in fold_key(name).split() if w not in CLUB_WORDS and not w.isdigit()]
    return " ".join(words)


def keys(names: list[str]) -> str:
    """Folded keys, deduplicated in order, "|"-joined."""
    return "|".join(dict.fromkeys(k for k in map(fold_key, names) if k))


def load_teams(builder: Builder) -> list[str]:
    """Team lines from the hand-written table; fills builder.team_keys."""
    lines = []
    for row in TEAMS.strip().splitlines():
        if not row.strip() or row.lstrip().startswith("#"):
            continue
        canonical, aliases, nicks = ([p.strip() for p in part.split(",") if p.strip()]
                                     for part in [*row.split("|"), "", ""][:3])
        name = canonical[0]
        for alias in [name, *aliases]:
            builder.team_keys.setdefault(fold_key(alias), name)
            builder.team_keys.setdefault(club_key(alias), name)
        lines.append(tsv("team", name, 3, keys([name, *aliases]), keys(nicks)))
    return lines


def women_team_lines(builder: Builder) -> list[str]:
    """"Juventus Women", "Roma Femminile": women's teams under the club's canonical name."""
    lines = []
    for club in WOMEN_CLUBS.split():
        name = f"{club} Women"
        builder.team_keys.setdefault(fold_key(name), name)
        lines.append(tsv("team", name, 3, keys([name, f"{club} Femminile"]), ""))
    return lines


def load_hand_people(builder: Builder) -> None:
    """2025/26 squads and coaches written at the end of this file."""
    for team, (coaches, players) in SQUADS.items():
        for coach in _names(coaches):
            builder.add_person(Person(coach, "coach", 3, team))
        for player in _names(players):
            builder.add_person(Person(player, "player", 3, team))
    for kind, table in (("coach", OTHER_COACHES), ("player", OTHER_PLAYERS), ("player", WOMEN),
                        ("coach", WOMEN_COACHES)):
        for line in table.strip().splitlines():
            name, _, team = line.partition("|")
            builder.add_person(Person(name.strip(), kind, 3, team.strip()))


def _names(field_text: str) -> list[str]:
    return [name.strip() for name in field_text.replace("\n", ",").split(",") if name.strip()]


def load_euro(builder: Builder, folder: Path) -> int:
    """Euro 2024 squads (tier 2, club as of June 2024)."""
    count = 0
    for path in sorted((folder / "openfootball-euro" / "2024--germany" / "squads").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            match = EURO_LINE.match(line)
            if match and int(match["year"]) >= OLDEST_BIRTH_YEAR - 2:
                builder.add_person(Person(match["name"].strip(), "player", 2, builder.team_of(match["club"])))
                count += 1
    return count


def load_transfermarkt(builder: Builder, folder: Path) -> int:
    """Players seen in the top five leagues up to mid-2022, born in OLDEST_BIRTH_YEAR or later."""
    count = 0
    path = folder / "transfermarkt-2022" / "players_top5_leagues.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            year = int((row["date_of_birth"] or "0")[:4] or 0)
            if year < OLDEST_BIRTH_YEAR:
                continue
            tier = 2 if row["competition_id"] == "IT1" and year >= YOUNG_SERIE_A_YEAR else 1
            builder.add_person(Person(row["name"].strip(), "player", tier))
            count += 1
    return count


def load_club_list(builder: Builder, folder: Path) -> list[str]:
    """Clubs of the 2025 list not in the hand table, under a name stripped of legal words; stadiums."""
    lines, blocks = [], []
    with (folder / "transfermarkt-2025-clubs" / "clubs.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["stadium_name"]:
                blocks.append(row["stadium_name"])
            if row["last_season"] != "2025" or builder.team_of(row["name"], row["club_code"].replace("-", " ")):
                continue
            name = plain_club_name(row["name"])
            if plausible_club_name(name) and club_key(name) not in builder.team_keys:
                builder.team_keys[club_key(name)] = name
                lines.append(tsv("team", name, 1, keys([name]), ""))
    stadiums = [s for s in blocks if len(fold_key(s)) >= 5 and fold_key(s) not in builder.team_keys]
    lines.append(tsv("block", "stadium", keys(sorted(set(stadiums)))))
    return lines


def plausible_club_name(name: str) -> bool:
    """One to three capitalised words of letters: what a newspaper would print, not a legal name."""
    words = name.split()
    return (0 < len(words) <= 3 and len(club_key(name)) >= 4
            and all(w[0].isupper() and w.replace("-", "").isalpha() for w in words))


def plain_club_name(official: str) -> str:
    """The official name without its legal words, keeping the original spelling of what is left."""
    return " ".join(w for w in official.split() if club_key(w)) or official


def apply_aliases(builder: Builder) -> None:
    """Hand-written aliases and short-form overrides."""
    for name, aliases in ALIASES.items():
        person = builder.people[fold_key(name)]
        person.aliases = sorted({*person.aliases, *aliases})
    for name, shorts in SHORT_FORMS.items():
        builder.people[fold_key(name)].shorts = list(shorts)


def person_lines(builder: Builder) -> list[str]:
    """player/coach lines, best tier first, then by name."""
    lines = []
    team_words = set(builder.team_keys) | {fold_key(w) for w in BLOCK.split("\n") if w.strip()}
    for person in sorted(builder.people.values(), key=lambda p: (-p.tier, fold_key(p.name))):
        shorts = person.shorts if person.shorts is not None else list(name_parts(person.name)[1])
        shorts = [s for s in shorts if fold_key(s) not in team_words and len(fold_key(s)) >= 3]
        if person.tier < 2:
            shorts = []  # an old name is only recognised whole, or through the article's own full names
        first = name_parts(person.name)[0] if person.tier == 3 else ""
        lines.append(tsv(person.kind, person.name, person.tier, person.team, keys([person.name, *person.aliases]),
                         keys(shorts), fold_key(first)))
    return lines


def word_lines(builder: Builder) -> list[str]:
    """Block phrases and the word lists; a non-player's surname that a current player shares is left out."""
    lines = [tsv("block", phrase.strip(), fold_key(phrase)) for phrase in BLOCK.strip().splitlines() if phrase.strip()]
    current = {fold_key(s) for p in builder.people.values() if p.tier == 3
               for s in (p.shorts if p.shorts is not None else name_parts(p.name)[1])}
    lists = (("place", PLACES.split()), ("country", COUNTRIES.strip().splitlines()),
             ("common", COMMON_WORDS.split()), ("notplayer", NOT_PLAYERS.split()),
             ("weak", WEAK_NAMES.split()))
    for kind, entries in lists:
        words = sorted({fold_key(w) for w in entries if w.strip()})
        if kind == "notplayer":
            words = [w for w in words if w not in current]
        lines.extend(tsv(kind, word) for word in words)
    return lines


def write(lines: list[str], path: Path) -> int:
    """gzip with a fixed timestamp, so an unchanged gazetteer is byte-identical."""
    raw = "".join(lines).encode("utf-8")
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as handle:
        handle.write(raw)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())
    return len(buffer.getvalue())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--players", type=Path, default=DEFAULT_PLAYERS, help="the shared players corpus folder")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    builder = Builder()
    team_lines = load_teams(builder) + women_team_lines(builder)
    load_hand_people(builder)
    euro = load_euro(builder, args.players)
    tm = load_transfermarkt(builder, args.players)
    team_lines += load_club_list(builder, args.players)
    apply_aliases(builder)
    lines = ["# sportreader names gazetteer, written by scripts/build_gazetteer.py; do not edit by hand\n",
             *team_lines, *person_lines(builder), *word_lines(builder)]
    size = write(lines, args.output)
    tiers = [sum(p.tier == t for p in builder.people.values()) for t in (3, 2, 1)]
    print(f"{args.output}: {size:,} bytes; people {len(builder.people):,} (tiers 3/2/1: {tiers}); "
          f"read euro {euro}, transfermarkt {tm}; teams {len(team_lines):,}")
    return 0


# ---------------------------------------------------------------------------------------------------------
# Hand-written facts (public knowledge, 2025/26 season as it started; written for this project).
# ---------------------------------------------------------------------------------------------------------

# canonical | aliases | nicknames (nicknames are kept for reference: the annotator never tags them as teams)
TEAMS = """
Inter | Internazionale, FC Internazionale, Internazionale Milano, Inter Milano, Inter Milan | nerazzurri, Biscione
Milan | AC Milan, A.C. Milan, Milan AC | rossoneri, Diavolo
Juventus | Juve, Juventus FC | bianconeri, Vecchia Signora
Napoli | SSC Napoli, SSC Neapel | partenopei, azzurri
Roma | AS Roma, AS Rom | giallorossi, Lupa
Lazio | SS Lazio, Lazio Rom | biancocelesti, Aquile
Atalanta | Atalanta BC, Atalanta Bergamo | Dea, bergamaschi, orobici, nerazzurri
Bologna | Bologna FC, Bologna FC 1909 | rossoblù, felsinei
Fiorentina | ACF Fiorentina, AC Florenz | viola, gigliati
Como | Como 1907, Calcio Como | lariani
Torino | Torino FC, Toro, FC Turin | granata
Genoa | Genoa CFC, Genua CFC | Grifone, rossoblù
Udinese | Udinese Calcio | friulani, bianconeri
Sassuolo | US Sassuolo, US Sassuolo Calcio | neroverdi
Cagliari | Cagliari Calcio | isolani, rossoblù
Lecce | US Lecce | salentini, giallorossi
Parma | Parma Calcio, Parma Calcio 1913 | crociati, ducali, gialloblù
Hellas Verona | Verona, Hellas, Hellas Verona FC | scaligeri, gialloblù
Pisa | Pisa SC, Pisa Sporting Club, AC Pisa | nerazzurri
Cremonese | US Cremonese | grigiorossi
Palermo | Palermo FC | rosanero
Sampdoria | Samp, UC Sampdoria | blucerchiati, doriani
Spezia | Spezia Calcio | aquilotti
Venezia | Venezia FC | lagunari, arancioneroverdi
Empoli | Empoli FC | azzurri
Monza | AC Monza | brianzoli, biancorossi
Frosinone | Frosinone Calcio | ciociari, canarini
Salernitana | US Salernitana | granata
Bari | SSC Bari | galletti, biancorossi
Modena | Modena FC | canarini
Cesena | Cesena FC |
Catanzaro | US Catanzaro |
Padova | Calcio Padova |
Pescara | Delfino Pescara |
Avellino | US Avellino |
Mantova | Mantova 1911 |
Reggiana | AC Reggiana |
Südtirol | Sudtirol, FC Südtirol |
Juve Stabia | SS Juve Stabia |
Carrarese | Carrarese Calcio |
Virtus Entella | Entella |
Brescia | Brescia Calcio |
Cosenza | Cosenza Calcio |
Ternana | Ternana Calcio |
Perugia | AC Perugia |
Cittadella | AS Cittadella |
Benevento | Benevento Calcio |
Ascoli | Ascoli Calcio |
Catania | Catania FC |
Triestina | US Triestina |
Vicenza | LR Vicenza, L.R. Vicenza |
Crotone | FC Crotone |
Reggina | Reggina 1914 |
Foggia | Calcio Foggia |
Salernitana |  |
Juventus Next Gen | Juve Next Gen, Juventus U23 |
Milan Futuro |  |
Inter U23 |  |
Real Madrid | Real, Real Madrid CF | blancos, merengues
Barcellona | Barcelona, FC Barcelona, Barça, Barca | blaugrana
Atlético Madrid | Atletico Madrid, Atlético de Madrid, Atletico de Madrid, Atlético, Atletico | colchoneros
Siviglia | Sevilla, Sevilla FC |
Real Betis | Betis, Betis Siviglia |
Valencia | Valencia CF |
Villarreal | Villarreal CF | Sottomarino giallo
Athletic Bilbao | Athletic Club, Athletic Club Bilbao, Athletic |
Real Sociedad |  |
Celta Vigo | Celta, Celta de Vigo |
Osasuna | CA Osasuna |
Getafe | Getafe CF |
Girona | Girona FC |
Espanyol | RCD Espanyol |
Rayo Vallecano | Rayo |
Maiorca | Mallorca, RCD Mallorca |
Alavés | Alaves, Deportivo Alavés |
Levante | Levante UD |
Elche | Elche CF |
Real Oviedo | Oviedo |
Las Palmas | UD Las Palmas |
Leganés | Leganes |
Valladolid | Real Valladolid |
Manchester City | Man City, City, Manchester City F.C. | Citizens
Manchester United | Man United, Man Utd, United, Manchester United F.C. | Red Devils
Liverpool | Liverpool F.C., Liverpool FC | Reds
Arsenal | Arsenal F.C., Arsenal FC | Gunners
Chelsea | Chelsea F.C., Chelsea FC | Blues
Tottenham | Tottenham Hotspur, Spurs | Spurs
Newcastle | Newcastle United | Magpies
Aston Villa |  |
West Ham | West Ham United | Hammers
Brighton | Brighton & Hove Albion, Brighton and Hove Albion |
Crystal Palace |  |
Brentford |  |
Fulham |  |
Everton |  | Toffees
Wolverhampton | Wolves, Wolverhampton Wanderers |
Nottingham Forest | Forest |
Bournemouth | AFC Bournemouth |
Leeds | Leeds United |
Burnley |  |
Sunderland |  |
Leicester | Leicester City |
Southampton |  |
Bayern Monaco | Bayern, Bayern München, Bayern Munich, FC Bayern, FC Bayern Munich, Bayern Monaco di Baviera | bavaresi
Borussia Dortmund | Dortmund, BVB | gialloneri
Bayer Leverkusen | Leverkusen, Bayer 04 Leverkusen | aspirine
RB Lipsia | Lipsia, RB Leipzig, Leipzig, RasenBallsport Leipzig |
Eintracht Francoforte | Eintracht Frankfurt, Eintracht, Francoforte |
Stoccarda | VfB Stoccarda, Stuttgart, VfB Stuttgart |
Friburgo | Freiburg, SC Freiburg |
Wolfsburg | VfL Wolfsburg |
Hoffenheim | TSG Hoffenheim |
Magonza | Mainz, Mainz 05 |
Borussia Mönchengladbach | Mönchengladbach, Gladbach |
Werder Brema | Werder Bremen, Werder |
Union Berlino | Union Berlin |
Augusta | Augsburg |
Colonia | Köln, FC Köln |
Amburgo | Hamburg, Hamburger SV |
St. Pauli | St Pauli, Sankt Pauli |
Heidenheim |  |
Paris Saint-Germain | PSG, Paris SG, Paris St-Germain, Paris Saint-Germain F.C. | parigini
Marsiglia | Olympique Marsiglia, Marseille, Olympique de Marseille, OM | marsigliesi
Lione | Olympique Lione, Lyon, Olympique Lyonnais, OL |
Monaco | AS Monaco |
Lille | Lilla, LOSC, LOSC Lille |
Nizza | Nice, OGC Nice |
Lens | RC Lens |
Rennes | Stade Rennais |
Nantes | FC Nantes |
Strasburgo | Strasbourg, Racing Strasburgo |
Tolosa | Toulouse |
Brest | Stade Brestois |
Auxerre |  |
Le Havre |  |
Angers |  |
Lorient |  |
Metz |  |
Paris FC |  |
Ajax | Ajax Amsterdam, AFC Ajax | lancieri
PSV Eindhoven | PSV |
Feyenoord | Feyenoord Rotterdam |
AZ Alkmaar | AZ |
Twente |  |
Utrecht |  |
Go Ahead Eagles |  |
Benfica | SL Benfica, S.L. Benfica | encarnados
Porto | FC Porto | dragões
Sporting Lisbona | Sporting, Sporting CP, Sporting Lisbon, Sporting Clube de Portugal |
Braga | Sporting Braga, SC Braga |
Celtic | Celtic Glasgow |
Rangers | Glasgow Rangers |
Galatasaray |  |
Fenerbahçe | Fenerbahce |
Beşiktaş | Besiktas |
Trabzonspor |  |
Club Brugge | Bruges, Brugge, Club Bruges |
Anderlecht |  |
Standard Liegi | Standard Liège, Standard Liegi |
Anversa | Antwerp, Royal Antwerp |
Charleroi | Sporting Charleroi |
Zenit | Zenit San Pietroburgo, Zenit St. Petersburg |
Spartak Mosca | Spartak Moskva, Spartak Moscow |
CSKA Mosca | CSKA Moskva, CSKA Moscow |
Lokomotiv Mosca | Lokomotiv Moskva |
Dinamo Mosca | Dinamo Moskva, Dynamo Moscow |
Hearts | Heart of Midlothian |
Başakşehir | Basaksehir, Istanbul Başakşehir |
Union Saint-Gilloise | Union SG, Royale Union Saint-Gilloise |
Genk |  |
Gent |  |
Olympiacos | Olympiakos |
Panathinaikos |  |
AEK Atene | AEK Athens |
PAOK | PAOK Salonicco |
Shakhtar Donetsk | Shakhtar |
Dinamo Kiev | Dynamo Kyiv, Dinamo Kyiv, Dynamo Kiev |
Copenaghen | Copenhagen, FC Copenhagen, FC København |
Midtjylland | FC Midtjylland |
Brøndby |  |
Salisburgo | Salzburg, Red Bull Salisburgo, RB Salzburg, Red Bull Salzburg |
Sturm Graz |  |
Rapid Vienna | Rapid Wien |
Slavia Praga | Slavia Praha, Slavia Prague |
Sparta Praga | Sparta Praha, Sparta Prague |
Viktoria Plzen | Viktoria Plzeň, Plzen |
Stella Rossa | Crvena Zvezda, Red Star Belgrado |
Partizan | Partizan Belgrado |
Dinamo Zagabria | Dinamo Zagreb |
Hajduk Spalato | Hajduk Split |
Young Boys |  |
Basilea | Basel |
Kairat Almaty | Kairat, FC Kairat |
Bodø/Glimt | Bodo/Glimt, Bodø Glimt, Bodo Glimt, Glimt |
Qarabağ | Qarabag, Qarabağ Ağdam, Qarabag Agdam |
Pafos | Paphos |
Ferencváros | Ferencvaros |
Legia Varsavia | Legia |
Lech Poznań | Lech Poznan |
Ludogorets |  |
Maccabi Tel Aviv |  |
Malmö | Malmo |
FCSB | Steaua |
Slovan Bratislava |  |
Al-Hilal | Al Hilal |
Al-Nassr | Al Nassr |
Al-Ittihad | Al Ittihad |
Al-Ahli | Al Ahli |
Al-Qadsiah | Al Qadsiah |
Inter Miami |  |
LA Galaxy |  |
Los Angeles FC | LAFC |
Flamengo |  |
Palmeiras |  |
Boca Juniors | Boca |
River Plate | River |
Santos |  |
Corinthians |  |
Fluminense |  |
Italia | Nazionale italiana | azzurri, Nazionale
Francia |  | Bleus
Spagna |  | Furie Rosse
Germania |  |
Inghilterra |  |
Portogallo |  |
Olanda | Paesi Bassi | Oranje
Belgio |  | Diavoli Rossi
Croazia |  |
Svizzera |  |
Argentina |  | Albiceleste
Brasile |  | Seleção, verdeoro
Norvegia |  |
Israele |  |
Austria |  |
Danimarca |  |
Svezia |  |
Polonia |  |
Serbia |  |
Scozia |  |
Galles |  |
Turchia |  |
Ucraina |  |
Uruguay |  |
Colombia |  |
Messico |  |
Stati Uniti | USA |
Marocco |  |
Giappone |  |
Estonia |  |
Moldavia |  |
Irlanda del Nord |  |
Bosnia | Bosnia-Erzegovina |
Macedonia del Nord |  |
"""

# Club names that are also places: "a Roma", "di Napoli" are the place, not the club.
PLACES = """
Roma Lazio Napoli Torino Bologna Verona Lecce Parma Como Cagliari Pisa Sassuolo Venezia Bari Palermo Empoli Monza
Frosinone Modena Cesena Catanzaro Padova Pescara Avellino Mantova Brescia Cosenza Perugia Cittadella Benevento Ascoli
Catania Vicenza Crotone Foggia Genoa Monaco Lione Marsiglia Siviglia Valencia Liverpool Barcellona Porto Braga Lille
Nizza Nantes Lens Brest Metz Tolosa Rennes Brighton Bournemouth Leeds Burnley Sunderland Fulham Brentford Newcastle
Leicester Southampton Girona Getafe Elche Maiorca Villarreal Oviedo Levante Wolfsburg Hoffenheim Augusta Friburgo
Stoccarda Colonia Amburgo Magonza Copenaghen Basilea Utrecht Twente Auxerre Angers Lorient Genk Gent Heidenheim
Salisburgo Leverkusen Dortmund Francoforte Lipsia Leipzig Anversa Charleroi Santos
"""

# National teams: the country after any preposition ("in Italia", "dagli Stati Uniti").
COUNTRIES = """
Italia
Francia
Spagna
Germania
Inghilterra
Portogallo
Olanda
Paesi Bassi
Belgio
Croazia
Svizzera
Argentina
Brasile
Norvegia
Israele
Austria
Danimarca
Svezia
Polonia
Serbia
Scozia
Galles
Turchia
Ucraina
Uruguay
Colombia
Messico
Stati Uniti
USA
Marocco
Giappone
Estonia
Moldavia
Irlanda del Nord
Bosnia
Bosnia-Erzegovina
Macedonia del Nord
"""

# Never a player, coach or team: competitions, stadiums, broadcasters, organisations, places. One per line.
BLOCK = """
Serie A
Serie B
Serie C
Serie A Enilive
Champions League
Champions
Europa League
Conference League
Coppa Italia
Coppa d'Italia
Supercoppa Italiana
Supercoppa
Premier League
Liga
LaLiga
Bundesliga
Ligue 1
Eredivisie
Nations League
Mondiale per Club
Mondiale per Club
Mondiale
Mondiali
Europei
Europeo
Pallone d'Oro
Ballon d'Or
Golden Boy
Scarpa d'Oro
Coppa del Mondo
Copa America
Coppa d'Africa
FA Cup
Copa del Rey
Coppa del Re
Youth League
Giro d'Italia
Campionato
Primavera
Stadio Olimpico
Olimpico
Olimpico di Roma
Olimpico Grande Torino
Grande Torino
San Siro
Meazza
Giuseppe Meazza
Maradona
Diego Armando Maradona
Stadio Maradona
Stadio Diego Armando Maradona
Allianz Stadium
Juventus Stadium
Dall'Ara
Renato Dall'Ara
Artemio Franchi
Franchi
Gewiss Stadium
New Balance Arena
Bentegodi
Tardini
Ennio Tardini
Sinigaglia
Luigi Ferraris
Ferraris
Marassi
Unipol Domus
Via del Mare
Mapei Stadium
Bluenergy Stadium
Dacia Arena
Stadio Friuli
Zini
Giovanni Zini
Arena Garibaldi
Cetilar Arena
Bernabéu
Santiago Bernabéu
Camp Nou
Anfield
Old Trafford
Wembley
Emirates
Etihad
Stamford Bridge
Parc des Princes
Allianz Arena
Signal Iduna Park
Westfalenstadion
Metropolitano
Vélodrome
Da Luz
De Kuip
Johan Cruijff Arena
Sky
Sky Sport
Inter TV
Milan TV
Roma TV
Juventus TV
Lazio Style Channel
Radio Nerazzurra
Radio Kiss Kiss
Sky Sport 24
Sky Go
DAZN
NOW
Mediaset
Canale 5
Italia 1
Rai
Rai 1
Rai 2
Rai Sport
Prime Video
Amazon Prime
Sportitalia
Radio Rai
Sportmediaset
Gazzetta
La Gazzetta dello Sport
Gazzetta dello Sport
Corriere dello Sport
Corriere della Sera
Tuttosport
Repubblica
ANSA
Uefa
Fifa
Figc
Lega Serie A
Aia
Var
Avar
Coni
Coverciano
Appiano Gentile
Appiano
Milanello
Trigoria
Vinovo
Continassa
Castel Volturno
Formello
Zingonia
Casteldebole
Bogliasco
Pegli
Suning Training Centre
Fulvio Bernardini
Milano
Firenze
Genova
Bergamo
Udine
Cremona
Reggio Emilia
Parigi
Londra
Madrid
Manchester
Lisbona
Istanbul
Malpensa
Linate
Fiumicino
Monaco di Baviera
Kazakistan
Europa
"""

# Surnames that are also everyday Italian words: doubtful when capitalised only because a sentence starts.
COMMON_WORDS = """
Buongiorno Giovane Banda Gallo Caviglia Falcone Costa Rosa Leone Bello Russo Marino Santo Sole Pace Fiore Ferro
Monti Franco Grande Bene Cuore Mare Vita Luce Alto Basso Moro Nero Bianco Gatti Ricci Colombo Romano Greco Lupo
Sala Porta Villa Ponte Valle Riva Santi Gentile Martini Rossi Esposito Viola Arena Fortuna Serra Sacco Capitano
Grassi Mina Prati Zappa Lucca Bravo Rio Dio Felice Stella Dante Amato Spina Palma Lima Marca Neri Savona Cash
Piu Forte Lento Caldo Freddo Bravo Nuovo Primo Ultimo Secondo Terzo Sereno Fermo Dolce Giusto Vero Lungo Corto
Caso Maggiore Trovato Quarta Vera Piccoli Imperiale Milanese Rosso Ricco Verde Somma Conti Artistico Pietra Grosso
Bianchi Mura Schiavi Cardinali Pelle Mercati Pop Ricchi Palazzi Vitale Senese Calo Reca Parente Celeste Carri Luci
Sensi Prezioso Lombardi Grossi Crociata Cella Bolla Pugliese Zecca Rover Panico Immobile Guerrieri Calabrese
Toscano Soprano Seri Scavo Rossetti Rocca Picchi Nego Nani Gemello Gabbia Crosta Calabresi Bordi Battista Tedesco
Italiano Palestra Gusto Alba Messi Vicario Chiesa
"""

# Surnames that alone are more often something else: Italian regions, provinces and towns ("Calabria", "Lucca"),
# first names ("Sara", "David", "Theo"). Alone, they need the person's full name or club in the same article.
WEAK_NAMES = """
Sara David Theo Gabriel Kim Lee Nuno Alba Gusto Marcelino Jesus Wesley Santos
Abruzzo Basilicata Calabria Campania Emilia Romagna Friuli Lazio Liguria Lombardia Marche Molise Piemonte Puglia
Sardegna Sicilia Toscana Trentino Umbria Veneto Aosta Agrigento Alessandria Ancona Arezzo Ascoli Asti Avellino Bari
Barletta Belluno Benevento Bergamo Biella Bologna Bolzano Brescia Brindisi Cagliari Caltanissetta Campobasso Caserta
Catania Catanzaro Chieti Como Cosenza Cremona Crotone Cuneo Enna Fermo Ferrara Firenze Foggia Forli Frosinone Genova
Gorizia Grosseto Imperia Isernia Aquila Spezia Latina Lecce Lecco Livorno Lodi Lucca Macerata Mantova Massa Matera
Messina Milano Modena Monza Napoli Novara Nuoro Oristano Padova Palermo Parma Pavia Perugia Pesaro Pescara Piacenza
Pisa Pistoia Pordenone Potenza Prato Ragusa Ravenna Reggio Rieti Rimini Roma Rovigo Salerno Sassari Savona Siena
Siracusa Sondrio Taranto Teramo Terni Torino Trapani Trento Treviso Trieste Udine Varese Venezia Verbania Vercelli
Verona Vicenza Viterbo Bagheria Otranto Casale Altare Piana Golfo Valle Monte Lago Isola Capo Riva Marina Sesto
Agostino Silvestro Calabria Gallura Brianza Cantu Legnano Empoli Carpi Sassuolo Cesena Chiavari Rapallo
"""

# Surnames of people often named in football news who are neither players nor coaches: referees, presidents,
# directors, agents, journalists, politicians, other sports. Dropped automatically when a current player or
# coach has the same surname; the article's context (arbitro, presidente, ds...) decides then.
NOT_PLAYERS = """
Doveri Orsato Mariani Guida Massa Chiffi Sozza Fabbri Pairetto Marchetti Abisso Aureliano Maresca Manganiello
Rapuano Piccinini Zufferli Feliciani Ayroldi Massimi Sacchi Prontera Tremolada Marinelli Collu Bonacina Arena
Crezzini Perenzoni Irrati Valeri Mazzoleni Nasca Banti Letexier Turpin Marciniak Makkelie Vincic Siebert Zwayer
Rocchi Gervasoni Tagliavento Dionisi Fourneau Cakir Kovacs Taylor Oliver Mazzoleni
Marotta Ausilio Baccin De Laurentiis Lotito Commisso Percassi Cairo Scaroni Cardinale Furlani Moncada Elkann Agnelli
Comolli Giuntoli Manna Friedkin Massara Saputo Sartori Fenucci Preziosi Ottolini Corvino Carnevali Gandini
Giulini Suwarso Ferrero Pradè Goretti Sabatini Petrachi Sogliano Gravina Simonelli Malagò Abodi Ceferin Infantino
Tebas Florentino Raiola Pastorello Mendes Zahavi Bronzetti Pedullà Di Marzio Schira Moretto Romano
Meloni Mattarella Salvini Sala Gualtieri Sinner Alcaraz Djokovic Pogacar Leclerc Hamilton Verstappen Bagnaia Rossi
Ibrahimovic Ibrahimović Chiellini Maldini Tare Ranieri
"""

# team -> (coaches, players): Serie A 2025/26 and the clubs Italian news follows most. A coach replaced during
# the season stays listed with the club: the team only helps choose between people who share a surname.
SQUADS: dict[str, tuple[str, str]] = {
    "Inter": ("Cristian Chivu", """
        Yann Sommer, Josep Martínez, Raffaele Di Gennaro, Alessandro Bastoni, Francesco Acerbi, Stefan de Vrij,
        Manuel Akanji, Yann Bisseck, Denzel Dumfries, Federico Dimarco, Matteo Darmian, Carlos Augusto,
        Luis Henrique, Tomás Palacios, Nicolò Barella, Hakan Çalhanoğlu, Henrikh Mkhitaryan, Petar Sučić,
        Piotr Zieliński, Davide Frattesi, Andy Diouf, Lautaro Martínez, Marcus Thuram, Ange-Yoan Bonny,
        Francesco Pio Esposito"""),
    "Milan": ("Massimiliano Allegri", """
        Mike Maignan, Pietro Terracciano, Lorenzo Torriani, Fikayo Tomori, Strahinja Pavlović, Matteo Gabbia,
        Koni De Winter, Davide Bartesaghi, Pervis Estupiñán, Alexis Saelemaekers, Zachary Athekame, Luka Modrić,
        Youssouf Fofana, Adrien Rabiot, Ruben Loftus-Cheek, Samuele Ricci, Ardon Jashari, Rafael Leão,
        Christian Pulisic, Santiago Giménez, Christopher Nkunku"""),
    "Juventus": ("Luciano Spalletti, Igor Tudor", """
        Michele Di Gregorio, Mattia Perin, Gleison Bremer, Federico Gatti, Pierre Kalulu, Lloyd Kelly,
        Andrea Cambiaso, Juan Cabal, João Mário, Daniele Rugani, Jonas Rouhi, Manuel Locatelli, Khéphren Thuram,
        Teun Koopmeiners, Weston McKennie, Vasilije Adžić, Fabio Miretti, Kenan Yıldız, Dušan Vlahović,
        Jonathan David, Loïs Openda, Francisco Conceição, Edon Zhegrova, Arkadiusz Milik"""),
    "Napoli": ("Antonio Conte", """
        Alex Meret, Vanja Milinković-Savić, Nikita Contini, Giovanni Di Lorenzo, Amir Rrahmani,
        Alessandro Buongiorno, Sam Beukema, Leonardo Spinazzola, Mathías Olivera, Miguel Gutiérrez, Juan Jesus,
        Luca Marianucci, Pasquale Mazzocchi, Stanislav Lobotka, André-Frank Zambo Anguissa, Scott McTominay,
        Kevin De Bruyne, Billy Gilmour, Eljif Elmas, Antonio Vergara, Rasmus Højlund, Romelu Lukaku,
        Matteo Politano, David Neres, Noa Lang, Lorenzo Lucca"""),
    "Roma": ("Gian Piero Gasperini", """
        Mile Svilar, Gianluca Mancini, Evan Ndicka, Mario Hermoso, Zeki Çelik, Angeliño, Wesley, Kostas Tsimikas,
        Devyne Rensch, Jan Ziółkowski, Bryan Cristante, Manu Koné, Niccolò Pisilli, Neil El Aynaoui,
        Lorenzo Pellegrini, Paulo Dybala, Matías Soulé, Artem Dovbyk, Evan Ferguson, Stephan El Shaarawy,
        Tommaso Baldanzi, Leon Bailey"""),
    "Lazio": ("Maurizio Sarri", """
        Ivan Provedel, Mario Gila, Alessio Romagnoli, Adam Marušić, Nuno Tavares, Manuel Lazzari, Luca Pellegrini,
        Samuel Gigot, Oliver Provstgaard, Nicolò Rovella, Matteo Guendouzi, Matías Vecino, Toma Bašić,
        Fisayo Dele-Bashiru, Reda Belahyane, Mattia Zaccagni, Valentín Castellanos, Gustav Isaksen, Pedro,
        Boulaye Dia, Tijjani Noslin, Matteo Cancellieri"""),
    "Atalanta": ("Raffaele Palladino, Ivan Jurić", """
        Marco Carnesecchi, Berat Djimsiti, Isak Hien, Sead Kolašinac, Odilon Kossounou, Raoul Bellanova,
        Davide Zappacosta, Honest Ahanor, Giorgio Scalvini, Marten de Roon, Éderson, Mario Pašalić,
        Marco Brescianini, Yunus Musah, Lazar Samardžić, Charles De Ketelaere, Ademola Lookman,
        Gianluca Scamacca, Nikola Krstović, Kamaldeen Sulemana, Nicola Zalewski, Daniel Maldini"""),
    "Bologna": ("Vincenzo Italiano", """
        Łukasz Skorupski, Federico Ravaglia, Jhon Lucumí, Martin Vitík, Torbjørn Heggem, Juan Miranda,
        Charalampos Lykogiannis, Emil Holm, Lorenzo De Silvestri, Nadir Zortea, Remo Freuler, Lewis Ferguson,
        Tommaso Pobega, Nikola Moro, Jens Odgaard, Riccardo Orsolini, Santiago Castro, Thijs Dallinga,
        Jonathan Rowe, Federico Bernardeschi, Ciro Immobile, Benjamín Domínguez"""),
    "Fiorentina": ("Paolo Vanoli, Stefano Pioli", """
        David de Gea, Pietro Comuzzo, Luca Ranieri, Marin Pongračić, Dodô, Robin Gosens, Fabiano Parisi,
        Rolando Mandragora, Nicolò Fagioli, Simon Sohm, Hans Nicolussi Caviglia, Cher Ndour, Moise Kean,
        Edin Džeko, Albert Guðmundsson, Roberto Piccoli"""),
    "Como": ("Cesc Fàbregas", """
        Jean Butez, Marc-Oliver Kempf, Diego Carlos, Alberto Moreno, Álex Valle, Jacobo Ramón, Ivan Smolčić,
        Mergim Vojvoda, Máximo Perrone, Lucas Da Cunha, Sergi Roberto, Martin Baturina, Nico Paz,
        Jesús Rodríguez, Assane Diao, Jayden Addai, Álvaro Morata, Tasos Douvikas"""),
    "Torino": ("Marco Baroni", """
        Franco Israel, Alberto Paleari, Saúl Coco, Guillermo Maripán, Ardian Ismajli, Marcus Pedersen,
        Valentino Lazaro, Niels Nkounkou, Gvidas Gineitis, Kristjan Asllani, Adrien Tameze, Cesare Casadei,
        Emirhan İlkhan, Nikola Vlašić, Duván Zapata, Giovanni Simeone, Che Adams, Cyril Ngonge, Alieu Njie"""),
    "Genoa": ("Daniele De Rossi, Patrick Vieira", """
        Nicola Leali, Benjamin Siegrist, Johan Vásquez, Leo Østigård, Alessandro Marcandalli, Aarón Martín,
        Brooke Norton-Cuffy, Stefano Sabelli, Morten Frendrup, Ruslan Malinovskyi, Morten Thorsby, Patrizio Masini,
        Junior Messias, Valentín Carboni, Vitinha, Lorenzo Colombo, Jeff Ekhator, Caleb Ekuban, Mikael Ellertsson"""),
    "Udinese": ("Kosta Runjaić", """
        Maduka Okoye, Răzvan Sava, Thomas Kristensen, Christian Kabasele, Oumar Solet, Nicolò Bertola,
        Hassane Kamara, Kingsley Ehizibue, Jordan Zemura, Alessandro Zanoli, Jesper Karlström, Jurgen Ekkelenkamp,
        Sandi Lovrić, Arthur Atta, Lennon Miller, Keinan Davis, Nicolò Zaniolo, Iker Bravo, Adam Buksa"""),
    "Sassuolo": ("Fabio Grosso", """
        Arijanit Muric, Jay Idzes, Tarik Muharemović, Josh Doig, Sebastian Walukiewicz, Filippo Romagna,
        Woyo Coulibaly, Kristian Thorstvedt, Nemanja Matić, Daniel Boloca, Aster Vranckx, Luca Lipani,
        Ismaël Koné, Domenico Berardi, Armand Laurienté, Andrea Pinamonti, Luca Moro, Cristian Volpato,
        Walid Cheddira"""),
    "Cagliari": ("Fabio Pisacane", """
        Elia Caprile, Yerry Mina, Sebastiano Luperto, Gabriele Zappa, Adam Obert, Marco Palestra,
        Alessandro Deiola, Michel Adopo, Gianluca Gaetano, Matteo Prati, Michael Folorunsho, Luca Mazzitelli,
        Andrea Belotti, Sebastiano Esposito, Semih Kılıçsoy, Leonardo Pavoletti, Mattia Felici, Zito Luvumbo"""),
    "Lecce": ("Eusebio Di Francesco", """
        Wladimiro Falcone, Kialonda Gaspar, Tiago Gabriel, Jamil Siebert, Antonino Gallo, Danilo Veiga,
        Ylber Ramadani, Lassana Coulibaly, Medon Berisha, Mohamed Kaba, Balthazar Pierret, Nikola Štulić,
        Lameck Banda, Santiago Pierotti, Riccardo Sottil, Tete Morente, Francesco Camarda, Konan N'Dri"""),
    "Parma": ("Carlos Cuesta", """
        Zion Suzuki, Edoardo Corvi, Alessandro Circati, Mariano Troilo, Enrico Delprato, Emanuele Valeri,
        Sascha Britschgi, Abdoulaye Ndiaye, Lautaro Valenti, Adrián Bernabé, Mandela Keita, Hernani,
        Nahuel Estévez, Oliver Sørensen, Christian Ordóñez, Mateo Pellegrino, Gabriel Strefezza, Patrick Cutrone,
        Adrian Benedyczak, Pontus Almqvist, Jacob Ondrejka"""),
    "Hellas Verona": ("Paolo Zanetti", """
        Lorenzo Montipò, Nicolás Valentini, Victor Nelsson, Martin Frese, Rafik Belghali, Domagoj Bradarić,
        Jackson Tchatchoua, Enzo Ebosse, Suat Serdar, Abdou Harroui, Roberto Gagliardini, Antoine Bernède,
        Cheikh Niasse, Giovane, Amin Sarr, Gift Orban, Daniel Mosquera, Tomáš Suslov"""),
    "Pisa": ("Alberto Gilardino", """
        Adrian Šemper, Antonio Caracciolo, Simone Canestrelli, Arturo Calabresi, Raúl Albiol, Idrissa Touré,
        Samuele Angori, Marius Marin, Michel Aebischer, Ebenezer Akinsanmiro, Gabriele Piccinini, Mehdi Léris,
        Matteo Tramoni, Juan Cuadrado, M'Bala Nzola, Stefano Moreo, Henrik Meister"""),
    "Cremonese": ("Davide Nicola", """
        Emil Audero, Marco Silvestri, Federico Baschirotto, Matteo Bianchetti, Giuseppe Pezzella, Tommaso Barbieri,
        Filippo Terracciano, Alberto Grassi, Martín Payero, Warren Bondo, Jari Vandeputte, Michele Collocolo,
        Jamie Vardy, Federico Bonazzoli, Antonio Sanabria, Dennis Johnsen, Franco Vázquez, Manuel De Luca"""),
    "Real Madrid": ("Xabi Alonso", """
        Thibaut Courtois, Dani Carvajal, Éder Militão, Antonio Rüdiger, Dean Huijsen, Trent Alexander-Arnold,
        Álvaro Carreras, Ferland Mendy, David Alaba, Aurélien Tchouaméni, Federico Valverde, Jude Bellingham,
        Eduardo Camavinga, Arda Güler, Dani Ceballos, Franco Mastantuono, Brahim Díaz, Vinícius Júnior,
        Kylian Mbappé, Rodrygo, Gonzalo García, Endrick"""),
    "Barcellona": ("Hansi Flick", """
        Joan García, Marc-André ter Stegen, Wojciech Szczęsny, Jules Koundé, Pau Cubarsí, Ronald Araújo,
        Eric García, Alejandro Balde, Andreas Christensen, Frenkie de Jong, Pedri, Gavi, Dani Olmo, Fermín López,
        Marc Casadó, Marc Bernal, Lamine Yamal, Raphinha, Robert Lewandowski, Ferran Torres, Marcus Rashford"""),
    "Atlético Madrid": ("Diego Simeone", """
        Jan Oblak, José María Giménez, Robin Le Normand, Dávid Hancko, Clément Lenglet, Marc Pubill, Nahuel Molina,
        Matteo Ruggeri, Marcos Llorente, Koke, Pablo Barrios, Conor Gallagher, Johnny Cardoso, Thiago Almada,
        Álex Baena, Nicolás González, Giuliano Simeone, Antoine Griezmann, Julián Alvarez, Alexander Sørloth,
        Giacomo Raspadori"""),
    "Manchester City": ("Pep Guardiola", """
        Gianluigi Donnarumma, Rúben Dias, Joško Gvardiol, John Stones, Rico Lewis, Matheus Nunes, Rayan Aït-Nouri,
        Abdukodir Khusanov, Rodri, Bernardo Silva, Tijjani Reijnders, Phil Foden, Rayan Cherki, Mateo Kovačić,
        Nico González, Jérémy Doku, Savinho, Omar Marmoush, Oscar Bobb, Erling Haaland"""),
    "Liverpool": ("Arne Slot", """
        Alisson, Giorgi Mamardashvili, Virgil van Dijk, Ibrahima Konaté, Joe Gomez, Giovanni Leoni,
        Jeremie Frimpong, Conor Bradley, Milos Kerkez, Andrew Robertson, Alexis Mac Allister, Ryan Gravenberch,
        Dominik Szoboszlai, Curtis Jones, Florian Wirtz, Mohamed Salah, Cody Gakpo, Hugo Ekitike, Alexander Isak,
        Federico Chiesa"""),
    "Arsenal": ("Mikel Arteta", """
        David Raya, William Saliba, Gabriel Magalhães, Jurriën Timber, Ben White, Riccardo Calafiori,
        Piero Hincapié, Cristhian Mosquera, Myles Lewis-Skelly, Declan Rice, Martín Zubimendi, Martin Ødegaard,
        Mikel Merino, Eberechi Eze, Ethan Nwaneri, Bukayo Saka, Noni Madueke, Gabriel Martinelli,
        Leandro Trossard, Viktor Gyökeres, Kai Havertz, Gabriel Jesus"""),
    "Chelsea": ("Enzo Maresca", """
        Robert Sánchez, Reece James, Marc Cucurella, Levi Colwill, Wesley Fofana, Trevoh Chalobah, Malo Gusto,
        Moisés Caicedo, Enzo Fernández, Romeo Lavia, Andrey Santos, Cole Palmer, Pedro Neto, Estêvão,
        Alejandro Garnacho, Jamie Gittens, João Pedro, Liam Delap, Facundo Buonanotte"""),
    "Manchester United": ("Rúben Amorim", """
        Senne Lammens, Altay Bayındır, Matthijs de Ligt, Leny Yoro, Harry Maguire, Lisandro Martínez, Luke Shaw,
        Diogo Dalot, Noussair Mazraoui, Patrick Dorgu, Casemiro, Bruno Fernandes, Manuel Ugarte, Kobbie Mainoo,
        Mason Mount, Amad Diallo, Bryan Mbeumo, Matheus Cunha, Benjamin Šeško, Joshua Zirkzee"""),
    "Tottenham": ("Thomas Frank", """
        Guglielmo Vicario, Cristian Romero, Micky van de Ven, Pedro Porro, Destiny Udogie, Djed Spence,
        Kevin Danso, Rodrigo Bentancur, João Palhinha, Pape Matar Sarr, Lucas Bergvall, James Maddison,
        Dejan Kulusevski, Xavi Simons, Mohammed Kudus, Brennan Johnson, Dominic Solanke, Richarlison,
        Randal Kolo Muani, Mathys Tel, Wilson Odobert"""),
    "Newcastle": ("Eddie Howe", """
        Nick Pope, Aaron Ramsdale, Kieran Trippier, Sven Botman, Fabian Schär, Dan Burn, Malick Thiaw,
        Tino Livramento, Lewis Hall, Bruno Guimarães, Sandro Tonali, Joelinton, Jacob Murphy, Anthony Gordon,
        Harvey Barnes, Anthony Elanga, Nick Woltemade, Yoane Wissa"""),
    "Aston Villa": ("Unai Emery", """
        Emiliano Martínez, Ezri Konsa, Pau Torres, Tyrone Mings, Matty Cash, Lucas Digne, Youri Tielemans,
        Boubacar Kamara, Amadou Onana, John McGinn, Morgan Rogers, Emiliano Buendía, Ollie Watkins, Donyell Malen,
        Evann Guessand, Jadon Sancho, Harvey Elliott"""),
    "Nottingham Forest": ("Sean Dyche, Ange Postecoglou", """
        Matz Sels, Nikola Milenković, Murillo, Nicolò Savona, Elliot Anderson, Morgan Gibbs-White, Dan Ndoye,
        Callum Hudson-Odoi, Omari Hutchinson, James McAtee, Douglas Luiz, Igor Jesus, Chris Wood"""),
    "Crystal Palace": ("Oliver Glasner", """
        Dean Henderson, Marc Guéhi, Daniel Muñoz, Adam Wharton, Ismaïla Sarr, Yeremy Pino, Jean-Philippe Mateta"""),
    "Brighton": ("Fabian Hürzeler", """
        Bart Verbruggen, Jan Paul van Hecke, Diego Coppola, Ferdi Kadıoğlu, Carlos Baleba, Yasin Ayari,
        Kaoru Mitoma, Georginio Rutter, Danny Welbeck"""),
    "West Ham": ("Nuno Espírito Santo", "Jarrod Bowen, Lucas Paquetá, Niclas Füllkrug, Mads Hermansen"),
    "Bayern Monaco": ("Vincent Kompany", """
        Manuel Neuer, Dayot Upamecano, Jonathan Tah, Kim Min-jae, Alphonso Davies, Konrad Laimer, Josip Stanišić,
        Raphaël Guerreiro, Hiroki Ito, Joshua Kimmich, Aleksandar Pavlović, Leon Goretzka, Tom Bischof,
        Jamal Musiala, Michael Olise, Serge Gnabry, Lennart Karl, Luis Díaz, Harry Kane, Nicolas Jackson"""),
    "Borussia Dortmund": ("Niko Kovač", """
        Gregor Kobel, Nico Schlotterbeck, Waldemar Anton, Niklas Süle, Ramy Bensebaini, Julian Ryerson, Yan Couto,
        Emre Can, Felix Nmecha, Marcel Sabitzer, Jobe Bellingham, Pascal Groß, Julian Brandt, Karim Adeyemi,
        Maximilian Beier, Serhou Guirassy, Fábio Silva, Carney Chukwuemeka, Daniel Svensson"""),
    "Bayer Leverkusen": ("Kasper Hjulmand", """
        Mark Flekken, Edmond Tapsoba, Jarell Quansah, Loïc Badé, Alejandro Grimaldo, Lucas Vázquez,
        Exequiel Palacios, Robert Andrich, Aleix García, Malik Tillman, Ibrahim Maza, Eliesse Ben Seghir,
        Ernest Poku, Claudio Echeverri, Patrik Schick, Christian Kofane"""),
    "Eintracht Francoforte": ("Dino Toppmöller", """
        Kauã Santos, Robin Koch, Arthur Theate, Nnamdi Collins, Rasmus Kristensen, Ellyes Skhiri, Hugo Larsson,
        Mario Götze, Can Uzun, Ritsu Doan, Farès Chaïbi, Jonathan Burkardt, Michy Batshuayi, Jean-Mattéo Bahoya"""),
    "RB Lipsia": ("Ole Werner", "Péter Gulácsi, Willi Orbán, David Raum, Xaver Schlager, Christoph Baumgartner, "
                  "Yan Diomande, Antonio Nusa, Rômulo"),
    "Paris Saint-Germain": ("Luis Enrique", """
        Lucas Chevalier, Achraf Hakimi, Marquinhos, Willian Pacho, Nuno Mendes, Lucas Beraldo, Illia Zabarnyi,
        Lucas Hernández, Vitinha, João Neves, Fabián Ruiz, Warren Zaïre-Emery, Lee Kang-in, Senny Mayulu,
        Désiré Doué, Bradley Barcola, Ousmane Dembélé, Khvicha Kvaratskhelia, Gonçalo Ramos"""),
    "Marsiglia": ("Roberto De Zerbi", """
        Gerónimo Rulli, Leonardo Balerdi, Benjamin Pavard, Nayef Aguerd, Facundo Medina, Pierre-Emile Højbjerg,
        Geoffrey Kondogbia, Arthur Vermeeren, Matt O'Riley, Angel Gomes, Mason Greenwood, Timothy Weah,
        Pierre-Emerick Aubameyang, Amine Gouiri, Igor Paixão, Hamed Junior Traorè"""),
    "Monaco": ("Sébastien Pocognoli, Adi Hütter", """
        Philipp Köhn, Thilo Kehrer, Eric Dier, Mohammed Salisu, Denis Zakaria, Lamine Camara, Aleksandr Golovin,
        Takumi Minamino, Maghnes Akliouche, Folarin Balogun, Ansu Fati, Paul Pogba, Mika Biereth"""),
    "Lione": ("Paulo Fonseca", "Corentin Tolisso, Ernest Nuamah, Malick Fofana, Pavel Šulc, Afonso Moreira"),
    "Galatasaray": ("Okan Buruk", """
        Uğurcan Çakır, Davinson Sánchez, Wilfried Singo, Lucas Torreira, Gabriel Sara, İlkay Gündoğan,
        Barış Alper Yılmaz, Yunus Akgün, Leroy Sané, Mauro Icardi, Victor Osimhen"""),
    "Fenerbahçe": ("Domenico Tedesco", """
        Ederson Moraes, Milan Škriniar, Nélson Semedo, Archie Brown, Edson Álvarez, Fred, Sebastian Szymański,
        Marco Asensio, Kerem Aktürkoğlu, Talisca, Dorgeles Nene, Jhon Durán, Youssef En-Nesyri"""),
    "Benfica": ("José Mourinho", """
        Anatoliy Trubin, Nicolás Otamendi, António Silva, Tomás Araújo, Samuel Dahl, Amar Dedić, Fredrik Aursnes,
        Richard Ríos, Enzo Barrenechea, Leandro Barreiro, Georgiy Sudakov, Dodi Lukebakio, Vangelis Pavlidis,
        Franjo Ivanović"""),
    "Porto": ("Francesco Farioli", """
        Diogo Costa, Jan Bednarek, Jakub Kiwior, Alberto Costa, Francisco Moura, Alan Varela, Pablo Rosario,
        Victor Froholdt, Gabri Veiga, Rodrigo Mora, William Gomes, Borja Sainz, Samu Aghehowa, Luuk de Jong"""),
    "Sporting Lisbona": ("Rui Borges", """
        Rui Silva, Ousmane Diomande, Gonçalo Inácio, Zeno Debast, Maxi Araújo, Morten Hjulmand, Hidemasa Morita,
        Pedro Gonçalves, Francisco Trincão, Geovany Quenda, Geny Catamo, Luis Suárez, Fotis Ioannidis"""),
    "Ajax": ("John Heitinga", "Wout Weghorst, Jordan Henderson, Davy Klaassen, Kenneth Taylor, Mika Godts, "
             "Josip Šutalo, Youri Baas, Oscar Gloukh, Steven Berghuis"),
    "PSV Eindhoven": ("Peter Bosz", "Ivan Perišić, Joey Veerman, Ismael Saibari, Guus Til, Jerdy Schouten, "
                      "Ricardo Pepi, Dennis Man, Sergiño Dest"),
    "Club Brugge": ("Ivan Leko", "Simon Mignolet, Brandon Mechele, Joel Ordóñez, Raphael Onyedika, "
                    "Aleksandar Stanković, Hans Vanaken, Christos Tzolis, Nicolò Tresoldi"),
    "Athletic Bilbao": ("Ernesto Valverde", "Unai Simón, Dani Vivian, Yeray Álvarez, Aitor Paredes, Mikel Jauregizar, "
                        "Oihan Sancet, Iñaki Williams, Nico Williams, Gorka Guruzeta, Alex Berenguer"),
    "Villarreal": ("Marcelino García Toral", "Luiz Júnior, Juan Foyth, Renato Veiga, Santi Comesaña, Dani Parejo, "
                   "Thomas Partey, Pape Gueye, Tajon Buchanan, Nicolas Pépé, Gerard Moreno, Georges Mikautadze, "
                   "Ayoze Pérez, Alberto Moleiro"),
    "Olympiacos": ("José Luis Mendilibar", "Ayoub El Kaabi, Mehdi Taremi, Gelson Martins, Chiquinho, "
                   "Daniel Podence, Rodinei"),
    "Kairat Almaty": ("Rafael Urazbakhtin", "Temirlan Anarbekov, Dastan Satpaev, Ofri Arad, Valeri Gromyko"),
    "Bodø/Glimt": ("Kjetil Knutsen", "Nikita Haikin, Patrick Berg, Kasper Høgh, Jens Petter Hauge, Ulrik Saltnes, "
                   "Håkon Evjen, Sondre Brunstad Fet, Ole Didrik Blomberg"),
    "Qarabağ": ("Gurban Gurbanov", "Mateusz Kochalski, Abdellah Zoubir, Leandro Andrade, Marko Janković, "
                "Toral Bayramov, Kady Borges, Camilo Durán"),
    "Slavia Praga": ("Jindřich Trpišovský", "Tomáš Chorý, Lukáš Provod, Christos Zafeiris, David Doudera"),
    "Pafos": ("Juan Carlos Carcedo", "David Luiz"),
    "Al-Nassr": ("Jorge Jesus", "Cristiano Ronaldo, Sadio Mané, João Félix, Kingsley Coman, Iñigo Martínez"),
    "Al-Hilal": ("Simone Inzaghi", "Theo Hernández, Sergej Milinković-Savić, Kalidou Koulibaly, João Cancelo, "
                 "Rúben Neves, Darwin Núñez, Yassine Bounou"),
    "Al-Ittihad": ("Sérgio Conceição", "Karim Benzema, N'Golo Kanté, Moussa Diaby, Fabinho"),
    "Al-Ahli": ("Matthias Jaissle", "Riyad Mahrez, Ivan Toney, Franck Kessié, Merih Demiral, Roger Ibañez"),
    "Al-Qadsiah": ("Brendan Rodgers", "Mateo Retegui"),
    "Inter Miami": ("Javier Mascherano", "Lionel Messi, Rodrigo De Paul, Jordi Alba"),
    "Italia": ("Gennaro Gattuso", ""),
    "Brasile": ("Carlo Ancelotti", ""),
    "Francia": ("Didier Deschamps", ""),
    "Spagna": ("Luis de la Fuente", ""),
    "Germania": ("Julian Nagelsmann", ""),
    "Inghilterra": ("Thomas Tuchel", ""),
    "Portogallo": ("Roberto Martínez", ""),
    "Olanda": ("Ronald Koeman", ""),
    "Argentina": ("Lionel Scaloni", ""),
    "Norvegia": ("Ståle Solbakken", ""),
    "Croazia": ("Zlatko Dalić", ""),
    "Belgio": ("Rudi Garcia", ""),
    "Stati Uniti": ("Mauricio Pochettino", ""),
    "Palermo": ("Filippo Inzaghi", "Joel Pohjanpalo, Jacopo Segre, Filippo Ranocchia"),
    "Venezia": ("Giovanni Stroppa", ""),
    "Monza": ("Paolo Bianco", ""),
}

# Women's football: the clubs of Serie A Femminile as "<club> Women" (also "<club> Femminile"), players and
# coaches of the national team and of the league (name | team or empty).
WOMEN_CLUBS = "Juventus Roma Inter Milan Fiorentina Lazio Napoli Sassuolo Como Genoa Parma Ternana Sampdoria"
WOMEN = """
Cristiana Girelli | Juventus Women
Barbara Bonansea | Juventus Women
Martina Rosucci | Juventus Women
Cecilia Salvai | Juventus Women
Lisa Boattin |
Sofia Cantore |
Arianna Caruso |
Manuela Giugliano | Roma Women
Elena Linari | Roma Women
Valentina Giacinti | Roma Women
Giada Greggi | Roma Women
Evelyne Viens | Roma Women
Emilie Haavi | Roma Women
Lina Magull | Inter Women
Tessa Wullaert | Inter Women
Elisa Bartoli |
Laura Giuliani |
Francesca Durante |
Emma Severini |
Michela Cambiaghi |
Lucia Di Guglielmo |
Martina Lenzini |
Julie Piga |
Elisabetta Oliviero |
Benedetta Glionna |
Giulia Dragoni |
Aurora Galli |
Chiara Beccari |
Eva Schatzer |
Angelica Soffia |
Valentina Bergamaschi |
Annamaria Serturini |
Aitana Bonmatí |
Alexia Putellas |
Sam Kerr |
Ada Hegerberg |
Lauren James |
Caroline Graham Hansen |
"""
WOMEN_COACHES = """
Massimiliano Canzi | Juventus Women
Andrea Soncin | Italia
Suzanne Bakker | Milan Women
"""

# Coaches without a club in the list above (name | team or empty).
OTHER_COACHES = """
Thiago Motta |
Roberto Mancini |
Claudio Ranieri |
Erik ten Hag |
Andrea Pirlo |
Alessandro Nesta |
Fabio Cannavaro |
Walter Mazzarri |
Alessio Dionisi |
Davide Ballardini |
Luca Gotti |
Roberto D'Aversa |
Marco Giampaolo |
Gabriele Cioffi |
Aurelio Andreazzoli |
Domenico Di Carlo |
Xavi Hernández |
Jürgen Klopp |
Ralf Rangnick | Austria
Murat Yakin | Svizzera
Ange Postecoglou |
Marco Rose |
Edin Terzić |
Zinédine Zidane |
Sebastian Hoeneß | Stoccarda
Julian Schuster | Friburgo
Marcelino |
Eusebio Di Francesco | Lecce
Maurizio Sarri | Lazio
Gianni Vio |
"""

# Players not in a squad above whom Italian news still names often (name | team or empty).
OTHER_PLAYERS = """
Neymar | Santos
Jorginho | Flamengo
Ángel Di María |
Memphis Depay | Corinthians
Marco Verratti |
Lorenzo Insigne |
Leonardo Bonucci |
Mario Balotelli |
Son Heung-min | Los Angeles FC
Thomas Müller |
Antoine Griezmann | Atlético Madrid
Luis Suárez |
Paul Pogba | Monaco
Victor Osimhen | Galatasaray
Federico Chiesa | Liverpool
Sandro Tonali | Newcastle
Destiny Udogie | Tottenham
Wilfried Gnonto | Leeds
Nicolò Zaniolo | Udinese
Nicolò Casale |
Giacomo Bonaventura |
Alessandro Florenzi |
Matteo Pessina |
Domenico Berardi | Sassuolo
Leonardo Spinazzola | Napoli
Tammy Abraham | Beşiktaş
Chris Smalling |
Romelu Lukaku | Napoli
Álvaro Morata | Como
Dan Ndoye | Nottingham Forest
Tijjani Reijnders | Manchester City
Samuel Chukwueze |
Noah Okafor | Leeds
Malick Thiaw | Newcastle
Pierre Kalulu | Juventus
Mattéo Guendouzi | Lazio
Armando Broja |
Marko Arnautović | Stella Rossa
Mehdi Taremi | Olympiacos
Divock Origi |
Joshua Zirkzee | Manchester United
Jhon Durán | Fenerbahçe
Kingsley Coman | Al-Nassr
Juan Cuadrado | Pisa
Arthur Melo |
Alex Sandro | Flamengo
Danilo | Flamengo
Wojciech Szczęsny | Barcellona
Francesco Camarda | Lecce
Mattia Zaccagni | Lazio
Douglas Luiz | Nottingham Forest
Teun Koopmeiners | Juventus
Raoul Bellanova | Atalanta
Mateo Retegui | Al-Qadsiah
"""

# name -> extra names that always mean that person (one-word aliases included: "Lautaro").
ALIASES: dict[str, tuple[str, ...]] = {
    "Lautaro Martínez": ("Lautaro", "Lautaro Martinez", "Lautaro Javier Martínez"),
    "Khvicha Kvaratskhelia": ("Kvara",),
    "Rafael Leão": ("Rafa Leão",),
    "Cristiano Ronaldo": ("CR7",),
    "Vinícius Júnior": ("Vini Jr", "Vinícius Jr", "Vinicius Jr."),
    "Valentín Castellanos": ("Taty Castellanos", "Taty"),
    "Francesco Pio Esposito": ("Pio Esposito",),
    "André-Frank Zambo Anguissa": ("Frank Anguissa", "Zambo Anguissa", "Franck Zambo Anguissa"),
    "Ange-Yoan Bonny": ("Yoan Bonny",),
    "Kevin De Bruyne": ("KDB",),
    "Evan Ndicka": ("Evan N'Dicka", "N'Dicka"),
    "Gian Piero Gasperini": ("Gianpiero Gasperini", "Gasp"),
    "Massimiliano Allegri": ("Max Allegri",),
    "Cesc Fàbregas": ("Francesc Fàbregas",),
    "Giovanni Simeone": ("Cholito Simeone", "Cholito"),
    "Diego Simeone": ("Cholo Simeone", "Cholo"),
    "Gleison Bremer": ("Bremer",),
    "Lionel Messi": ("Leo Messi",),
    "Zinédine Zidane": ("Zizou",),
    "Santiago Giménez": ("Santi Giménez", "Bebote"),
    "Francisco Conceição": ("Chico Conceição",),
    "Ruben Loftus-Cheek": ("Loftus",),
    "Carlo Ancelotti": ("Carletto",),
    "Gennaro Gattuso": ("Rino Gattuso",),
    "Pep Guardiola": ("Josep Guardiola",),
    "Julián Alvarez": ("Julián Álvarez",),
    "Nicolò Barella": ("Nicola Barella",),
    "Hakan Çalhanoğlu": ("Calhanoglu",),
    "Rasmus Højlund": ("Rasmus Hojlund",),
    "Lee Kang-in": ("Kang-in Lee",),
    "Hamed Junior Traorè": ("Hamed Traoré",),
}

# name -> its short forms, where the derived ones (the surname) would be wrong or misleading.
SHORT_FORMS: dict[str, tuple[str, ...]] = {
    "Carlos Augusto": (),
    "Luis Henrique": (),
    "João Mário": (),
    "Juan Jesus": (),
    "Diego Carlos": (),
    "Sergi Roberto": (),
    "Tiago Gabriel": (),
    "Alex Sandro": (),
    "Luis Enrique": (),
    "João Pedro": (),
    "Igor Jesus": (),
    "Gabriel Jesus": (),
    "Douglas Luiz": (),
    "David Luiz": (),
    "Jorge Jesus": (),
    "Andrey Santos": (),
    "Kauã Santos": (),
    "Luiz Júnior": (),
    "Vinícius Júnior": ("Vinícius", "Vinicius"),
    "Bruno Guimarães": ("Guimarães",),
    "Kim Min-jae": ("Kim",),
    "Son Heung-min": ("Son",),
    "Gabriel Magalhães": ("Magalhães", "Gabriel"),
    "Theo Hernández": ("Hernández", "Theo"),
    "Ederson Moraes": ("Ederson", "Moraes"),
    "Lee Kang-in": (),
    "Marcelino García Toral": ("Marcelino",),
    "Hamed Junior Traorè": ("Traorè",),
    "Pape Matar Sarr": ("Sarr",),
    "Ole Didrik Blomberg": ("Blomberg",),
    "Jens Petter Hauge": ("Hauge",),
    "Sondre Brunstad Fet": ("Brunstad Fet",),
    "André-Frank Zambo Anguissa": ("Anguissa", "Zambo Anguissa", "Zambo-Anguissa"),
    "Hans Nicolussi Caviglia": ("Nicolussi Caviglia",),
    "Randal Kolo Muani": ("Kolo Muani",),
    "Alexis Mac Allister": ("Mac Allister",),
    "Luis de la Fuente": ("de la Fuente",),
    "Nuno Espírito Santo": ("Nuno",),
    "José María Giménez": ("Giménez", "Josema Giménez"),
    "Gian Piero Gasperini": ("Gasperini",),
    "Eusebio Di Francesco": ("Di Francesco",),
    "Francesco Pio Esposito": ("Esposito",),
    "Pierre-Emerick Aubameyang": ("Aubameyang",),
}


if __name__ == "__main__":
    raise SystemExit(main())
