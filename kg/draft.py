"""Draft an article's claims for review: the mechanical first pass of adding an article.

:func:`draft_article` reads an article text and proposes, in the claim structure of
``data/claims/*.ttl``:

* the article's date and how it was found (a dateline, a copyright line, the latest
  full date in the text, a date given by the caller, or none);
* one evidence node per sentence that carries a fact, quoting the sentence verbatim;
* the entities the registry knows, matched on their labels, aliases and demonyms
  with case, accents, possessives and titles folded (and near spellings by fuzzy
  matching), and the unknown names as proposed new entities;
* every date expression, resolved against the article's date at the precision the
  text allows (:mod:`kg.dates`);
* events (meetings, visits, calls, summits, signings, announcements, deployments)
  with their participants, date, place and status, and office holdings.

Every proposed claim and entity is typed ``kg:Draft``: the build leaves draft files
out unless asked, and a steward accepts a claim by removing its mark. This module
proposes; it does not decide, and it does not write files (:func:`write_draft` does,
atomically). It runs offline.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from kg.dates import ArticleDate, DateMention, bounds, find_article_date, find_dates
from kg.errors import KgError, LoadError
from kg.export import write_atomic
from kg.namespaces import KG
from kg.project import Project, display_path
from kg.quotecheck import fold

ENT = "https://w3id.org/ijkg/id/"
ART = "https://w3id.org/ijkg/article/"
EVD = "https://w3id.org/ijkg/evidence/"

#: Titles folded away before a name ("Prime Minister Kishida Fumio" is Kishida Fumio).
TITLES = frozenset(
    "prime minister president premier chancellor foreign defence defense minister ministers secretary "
    "general admiral ambassador envoy chief mr mrs ms dr king queen emperor pm then former deputy vice "
    "undersecretary commander governor mayor senator chairman chairwoman chair spokesman spokeswoman "
    "special counsellor".split()
)
#: Capitalised words that start sentences or headlines and name nothing.
_COMMON = frozenset(
    "the a an on in at of for and but or to as by with from during after before while when where this that "
    "these those it its his her their our we they he she there here however yet thus also last next today "
    "moreover furthermore meanwhile nevertheless notwithstanding although since until over under among "
    "between both each every such other another one two three first second third new recent features "
    "credit photo copyright all rights reserved what why how who which not no".split()
)
_MONTHS_DAYS = frozenset(
    "january february march april may june july august september october november december jan feb mar apr "
    "jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday".split()
)
#: Words inside a name ("Ursula von der Leyen", "Security Action for Europe").
_CONNECTORS = frozenset({"of", "for", "the", "and", "von", "der", "de", "di", "da", "del", "van", "on"})
_ORG_WORDS = {
    "ministry": "GovernmentBody",
    "government": "GovernmentBody",
    "council": "GovernmentBody",
    "parliament": "GovernmentBody",
    "cabinet": "GovernmentBody",
    "office": "GovernmentBody",
    "agency": "GovernmentBody",
    "navy": "ArmedForce",
    "force": "ArmedForce",
    "forces": "ArmedForce",
    "army": "ArmedForce",
    "fleet": "ArmedForce",
    "industries": "Company",
    "corporation": "Company",
    "company": "Company",
    "group": "Company",
    "inc": "Company",
    "ltd": "Company",
    "plc": "Company",
    "systems": "Company",
    "times": "MediaOutlet",
    "news": "MediaOutlet",
    "union": "MultilateralBody",
    "organisation": "Organisation",
    "organization": "Organisation",
    "institute": "Organisation",
    "university": "Organisation",
    "school": "Organisation",
    "association": "Organisation",
    "bank": "Organisation",
    "party": "Organisation",
    "initiative": "Initiative",
    "plan": "Initiative",
    "dialogue": "Initiative",
    "strategy": "Document",
    "agreement": "Agreement",
    "treaty": "Agreement",
    "memorandum": "Memorandum",
    "partnership": "Partnership",
    "programme": "DefenceProgramme",
    "program": "DefenceProgramme",
    "project": "DefenceProgramme",
}
_PLACE_PREPOSITIONS = frozenset({"in", "to", "at", "from", "into", "near", "visit", "visited", "visiting"})

#: Event cues: lower-case words (or two-word phrases) and the class they propose.
EVENT_CUES = {
    "meet": "Meeting",
    "meets": "Meeting",
    "met": "Meeting",
    "meeting": "Meeting",
    "meetings": "Meeting",
    "talks": "Meeting",
    "huddle": "Meeting",
    "working lunch": "Meeting",
    "summit": "Summit",
    "summits": "Summit",
    "sidelines": "Summit",
    "margins": "Summit",
    "phone call": "PhoneCall",
    "telephone": "PhoneCall",
    "phoned": "PhoneCall",
    "visit": "Visit",
    "visits": "Visit",
    "visited": "Visit",
    "visiting": "Visit",
    "trip": "Visit",
    "welcomed": "Visit",
    "trips": "Visit",
    "tour": "Tour",
    "announced": "Announcement",
    "released": "Announcement",
    "decision": "Announcement",
    "withdrew": "Announcement",
    "withdrawal": "Announcement",
    "announces": "Announcement",
    "announce": "Announcement",
    "announcement": "Announcement",
    "decided": "Announcement",
    "signed": "Event",
    "signing": "Event",
    "sign": "Event",
    "send": "NavalDeployment",
    "sent": "NavalDeployment",
    "sending": "NavalDeployment",
    "mission": "NavalDeployment",
    "missions": "NavalDeployment",
    "deployed": "NavalDeployment",
    "deployment": "NavalDeployment",
    "deployments": "NavalDeployment",
    "port call": "PortCall",
    "port calls": "PortCall",
    "exercise": "Exercise",
    "exercises": "Exercise",
    "drills": "Exercise",
}
#: Cues of a visit told from its host's side: the host is named before, the visitors after.
HOST_CUES = frozenset({"welcomed"})
#: Cues that propose a deployment only in a sentence that names a ship.
SHIP_CUES = frozenset({"send", "sent", "sending", "mission", "missions"})
#: Status cues, strongest first: the first that a sentence has sets the proposed status.
STATUS_CUES = (
    (
        "Cancelled",
        ("was cancelled", "was canceled", "were cancelled", "called off", "skipped", "cancelled", "canceled"),
    ),
    ("Rescheduled", ("postponed", "rescheduled")),
    ("Ongoing", ("currently", "in the process of", "under way", "underway", "ongoing", "is continuing")),
    ("Possible", ("could be", "could", "might", "may be", "possibly", "possible", "likely")),
    (
        "Planned",
        (
            "will",
            "plans to",
            "planned",
            "plan to",
            "scheduled",
            "is set to",
            "are set to",
            "upcoming",
            "to be held",
            "is expected to",
            "are expected to",
            "intends to",
            "is to",
            "in the coming",
        ),
    ),
)
#: Kinds of what an article is about rather than who acts: a one-word lower-case name of these matches.
_TOPICS = frozenset({"Issue"})
#: Status cues that also make the event's claims kg:Expected ("the items which will likely top the agenda").
EXPECTED_CUES = frozenset({"will likely", "is likely to", "are likely to", "will probably"})
_PERSONISH = {"Person", "Commentator"}
_ACTORS = {"Person", "Commentator", "Country", "MultilateralBody", "GovernmentBody", "ArmedForce", "Organisation"}
_PLACES = {"City", "Building", "Region", "Country", "Place"}
_DIRECTIONS = frozenset("north south east west northeast northwest southeast southwest outside near".split())
#: Events that go somewhere: a country named after "to" or "in" is their destination, not a participant.
_TRAVELS = {"Visit", "Tour", "NavalDeployment", "PortCall"}


@dataclass(frozen=True)
class Entity:
    """A registry entity: its IRI, its classes (local names) and its preferred label."""

    iri: str
    kinds: frozenset[str]
    label: str

    @property
    def kind(self) -> str:
        order = ("Person", "Commentator", "Country", "City", "Building", "Region", "LeaderOffice", "OfficialOffice")
        for k in order:
            if k in self.kinds:
                return k
        return sorted(self.kinds)[0] if self.kinds else "Thing"


@dataclass
class Registry:
    """The names the graph knows: folded label tokens -> entity, for exact and fuzzy matching."""

    entities: dict[str, Entity] = field(default_factory=dict)
    names: dict[tuple[str, ...], str] = field(default_factory=dict)
    cased: dict[tuple[str, ...], bool] = field(default_factory=dict)
    #: Names the registry writes in lower case, of two words or more ("strategic partnership"): they
    #: match lower-case text, where a capitalised name needs a capital.
    lower: set[tuple[str, ...]] = field(default_factory=set)
    #: One-word lower-case names of topics ("energy", "infrastructure"): they match lower-case text only
    #: as an item of a list of such topics ("agriculture, energy and infrastructure").
    topic_words: set[tuple[str, ...]] = field(default_factory=set)
    #: Events the registry knows: kinds, participants, places and date bounds, to link a proposed event to.
    events: dict[str, RegistryEvent] = field(default_factory=dict)

    def add_name(self, iri: str, name: str) -> None:
        tokens = name_tokens(name)
        if not tokens:
            return
        # Short all-capital aliases ("US", "EU", "SAFE") must match in capitals: "us" is a pronoun.
        self.cased[tokens] = self.cased.get(tokens, False) or (name.isupper() and len(name) <= 6)
        if len(tokens) >= 2 and not any(c.isupper() for c in name):
            self.lower.add(tokens)
        self.names.setdefault(tokens, iri)

    @property
    def longest(self) -> int:
        return max((len(t) for t in self.names), default=1)


@dataclass
class RegistryEvent:
    kinds: frozenset[str]
    participants: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    dates: list[tuple[str, str]] = field(default_factory=list)  # (earliest, latest)
    related: set[str] = field(default_factory=set)  # what else its claims name (topics, agreements…)
    part_of: set[str] = field(default_factory=set)  # the events it is part of (kg:partOf, kg:during)


#: British and American spellings compared as one ("defense" and "defence").
SPELLINGS = {"defense": "defence", "defenses": "defences", "organization": "organisation", "center": "centre"}


def name_tokens(name: str) -> tuple[str, ...]:
    """The tokens names are compared on: folded as the quote check folds them, one spelling per word."""
    return tuple(SPELLINGS.get(t, t) for t in fold(name).split())


def load_registry(files: list[Path], *, exclude: set[str] | None = None) -> Registry:
    """The registry from Turtle ``files`` (``data/entities.ttl`` and claims files): labels, aliases, demonyms.

    ``exclude`` lists entity IRIs to leave out (the evaluation removes the entities only one article names).
    """
    graph = Graph()
    for f in files:
        try:
            graph.parse(f, format="turtle")
        except Exception as err:  # rdflib raises many kinds; the message names the file
            raise LoadError(f"{display_path(f)}: not valid Turtle ({err}).", "Fix the file or leave it out.") from err
    return registry_from_graph(graph, exclude=exclude)


def registry_from_graph(graph: Graph, *, exclude: set[str] | None = None, drafts: bool = False) -> Registry:
    """The registry of the entities typed in ``graph``; ``drafts`` keeps the ones typed ``kg:Draft`` too
    (the review page reads a draft's proposed entities back)."""
    exclude = exclude or set()
    reg = Registry()
    kinds: dict[str, set[str]] = defaultdict(set)
    for s, o in graph.subject_objects(RDF.type):
        if isinstance(s, URIRef) and str(o).startswith(str(KG)) and str(s).startswith(ENT):
            kinds[str(s)].add(str(o)[len(str(KG)) :])
    for iri, ks in kinds.items():
        if iri in exclude or ("Draft" in ks and not drafts):
            continue
        ks = ks - {"Draft"}
        pref = graph.value(URIRef(iri), SKOS.prefLabel)
        reg.entities[iri] = Entity(iri, frozenset(ks), str(pref) if pref else iri.rsplit("/", 1)[-1])
        # Event labels are descriptions ("Meloni-Kishida meeting ... 10 January 2023"), not names a text uses.
        if ks & {"Meeting", "Summit", "PhoneCall", "Visit", "Tour", "NavalDeployment", "PortCall", "Announcement"}:
            for alt in graph.objects(URIRef(iri), SKOS.altLabel):
                reg.add_name(iri, str(alt))
            continue
        for p in (SKOS.prefLabel, SKOS.altLabel, KG.demonym):
            for name in graph.objects(URIRef(iri), p):
                reg.add_name(iri, str(name))
                # A topic the registry names by one common noun ("energy", "investment") is named so in
                # a list of such topics in lower-case text (see find_mentions).
                if ks & _TOPICS and p != KG.demonym and re.fullmatch(r"[a-z][a-z-]+", str(name)):
                    reg.topic_words.add(name_tokens(str(name)))
        # A country or region without a demonym in the registry has the regular one of a name
        # in -a ("Asia": "Asian", "Korea": "Korean"); an adjective is how texts often name them.
        if ks & {"Country", "Region"} and graph.value(URIRef(iri), KG.demonym) is None and pref:
            if re.fullmatch(r"[A-Z][a-z]+a", str(pref)):
                reg.add_name(iri, f"{pref}n")
    _office_names(graph, reg)
    _registry_events(graph, reg)
    return reg


def _office_names(graph: Graph, reg: Registry) -> None:
    """An office named "<Title> of <Place>" is also "<demonym> <Title>" and "<Place>'s <Title>"
    ("Defence Minister of Japan": "Japanese Defence Minister", "Japan's Defence Minister")."""
    forms: dict[str, set[str]] = defaultdict(set)
    for p in (SKOS.prefLabel, SKOS.altLabel, KG.demonym):
        for place, name in graph.subject_objects(p):
            forms[str(place)].add(str(name))
    for iri, ent in list(reg.entities.items()):
        if not ent.kinds & {"LeaderOffice", "OfficialOffice"}:
            continue
        for label in list(graph.objects(URIRef(iri), SKOS.prefLabel)) + list(graph.objects(URIRef(iri), SKOS.altLabel)):
            m = re.fullmatch(r"(.+?) of (?:the )?(.+)", str(label))
            if not m:
                continue
            place = reg.names.get(name_tokens(m.group(2)))
            if place is None or not reg.entities[place].kinds & {"Country", "Region", "MultilateralBody", "City"}:
                continue
            for form in forms[place]:
                reg.add_name(iri, f"{form} {m.group(1)}")


_EVENT_KINDS = {"Meeting", "Summit", "PhoneCall", "Visit", "Tour", "NavalDeployment", "PortCall", "Announcement"}


def _registry_events(graph: Graph, reg: Registry) -> None:
    """What the registry's claims say of its events: who took part, where, when."""
    for claim in graph.subjects(RDF.subject, None):
        s, p, o = (graph.value(claim, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        iri = str(s)
        ent = reg.entities.get(iri)
        if ent is None or not ent.kinds & (_EVENT_KINDS | {"Exercise"}):
            continue
        ev = reg.events.setdefault(iri, RegistryEvent(ent.kinds))
        local = str(p).rsplit("#", 1)[-1]
        if local in ("participant", "host", "visitor"):
            ev.participants.add(str(o))
        elif local in ("location", "destination", "ship"):
            ev.places.add(str(o))
        elif local in ("date", "startDate") and isinstance(o, Literal):
            found = bounds(str(o))
            if found:
                ev.dates.append(found)
        elif isinstance(o, URIRef) and str(o).startswith(ENT):
            ev.related.add(str(o))
            if local in ("partOf", "during"):
                ev.part_of.add(str(o))


# ---------------------------------------------------------------- reading and splitting


def read_article(path: Path) -> str:
    """The article's text; :class:`LoadError` for a missing, empty or non-UTF-8 file."""
    path = Path(path)
    if not path.is_file():
        raise LoadError(
            f"{display_path(path)}: no such article file.", "Give the path of a .txt file in data/articles/."
        )
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise LoadError(
            f"{display_path(path)}: line {line}: not UTF-8 (byte 0x{raw[err.start]:02x} at offset {err.start}).",
            "Save the article as UTF-8 (for example: iconv -f latin1 -t utf-8).",
        ) from None
    if not text.strip():
        raise LoadError(f"{display_path(path)}: the article is empty.", "Paste the article's text into the file.")
    return text


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` with their offsets: lines first (headlines carry no full stop), then pySBD."""
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    out: list[Sentence] = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            for span in segmenter.segment(line):
                raw = line[span.start : span.end]
                lead = len(raw) - len(raw.lstrip())
                body = raw.strip()
                if body:
                    start = offset + span.start + lead
                    out.append(Sentence(start, start + len(body), body))
        offset += len(line) + 1
    return out


# ---------------------------------------------------------------- names


@dataclass
class Mention:
    """A name in a sentence: linked to a registry entity, or proposed as new (``entity`` is None)."""

    start: int
    end: int
    surface: str
    entity: str | None
    kind: str
    how: str  # "label", "fuzzy NN", "new"
    title: str | None = None


_TOKEN = re.compile(r"\w+(?:[.&+]\w+)*\.?|\+")


def _tokens(sentence: str) -> list[tuple[int, int, str]]:
    """Word tokens with their offsets, possessive "'s" dropped (as :func:`kg.quotecheck.fold` does)."""
    out = []
    for m in re.finditer(r"\w+", sentence):
        word = m.group(0)
        if word.lower() == "s" and m.start() > 0 and sentence[m.start() - 1] in "'’‘`":
            continue
        out.append((m.start(), m.end(), word))
    return out


def _fold_word(word: str) -> str:
    word = unicodedata.normalize("NFKD", word)
    return "".join(c for c in word if not unicodedata.combining(c)).lower()


def find_mentions(sentence: str, registry: Registry, *, fuzzy_cutoff: int = 90) -> list[Mention]:
    """The names in ``sentence``: registry names by longest match, then capitalised runs matched
    fuzzily (rapidfuzz) or proposed as new entities."""
    from rapidfuzz import fuzz, process

    toks = _tokens(sentence)
    folded = [SPELLINGS.get(f, f) for f in (_fold_word(w) for _, _, w in toks)]
    taken = [False] * len(toks)
    mentions: list[Mention] = []
    longest = registry.longest

    # One-word topics in lower case count only in a list of topics: "agriculture, energy and infrastructure",
    # "energy (ecological and solar ...) and infrastructure"; a lone "trade" or "space" is an ordinary word.
    words = [w for w in re.finditer(r"\b[a-z][a-z-]+\b", sentence) if name_tokens(w.group(0)) in registry.topic_words]
    listed: set[int] = set()
    for a, b in zip(words, words[1:], strict=False):
        gap = sentence[a.end() : b.start()]
        if re.fullmatch(r"[\s,]*(?:\([^()]*\))?[\s,]*(?:(?:and|or)\s+)?[\s,]*", gap) and gap.strip():
            listed.update((a.start(), b.start()))

    def match(i: int, longest: int, *, inner: bool = False):
        for n in range(min(longest, len(toks) - i), 0, -1):
            key = tuple(folded[i : i + n])
            iri = registry.names.get(key)
            if iri is None:
                continue
            surface = sentence[toks[i][0] : toks[i + n - 1][1]]
            if registry.cased.get(key) and surface.replace(".", "").replace("-", "") != surface.upper().replace(
                ".", ""
            ).replace("-", ""):
                continue
            if (
                not any(c.isupper() or c.isdigit() for c in surface)
                and key not in registry.lower
                and not (key in registry.topic_words and toks[i][0] in listed)
            ):
                continue  # names are written with a capital ("the leaders", not "the Leaders")
            if any(_breaks(sentence[toks[k][1] : toks[k + 1][0]]) for k in range(i, i + n - 1)):
                continue  # "Japan, Prime Minister Kishida" is not the office "Japan Prime Minister"
            return n, iri, surface
        return None

    i = 0
    while i < len(toks):
        hit = match(i, longest)
        if hit:
            n, iri, surface = hit
            ent = registry.entities[iri]
            # A title before the name is folded away, and kept for the steward ("Prime Minister Meloni").
            k = i
            while k > 0 and not taken[k - 1] and folded[k - 1] in TITLES and toks[k - 1][2][0].isupper():
                k -= 1
            title = " ".join(w for _, _, w in toks[k:i]) or None
            mentions.append(Mention(toks[i][0], toks[i + n - 1][1], surface, iri, ent.kind, "label", title))
            # Names inside a longer name ("the Russian aggression against Ukraine", "the Italian Navy",
            # "the memorandum of understanding on the Silk Road") are mentioned too.
            j = i
            while n > 1 and j < i + n:
                sub = match(j, i + n - j - (1 if j == i else 0))
                if sub and sub[1] != iri and any(c.isupper() for c in sub[2]):
                    m, sub_iri, sub_surface = sub
                    kind = registry.entities[sub_iri].kind
                    mentions.append(
                        Mention(toks[j][0], toks[j + m - 1][1], sub_surface, sub_iri, kind, f"inside {surface!r}")
                    )
                    j += m
                else:
                    j += 1
            for k in range(i, i + n):
                taken[k] = True
            i += n
        else:
            i += 1

    # Capitalised runs that no registry name covers.
    labels = {" ".join(k): v for k, v in registry.names.items()}
    i = 0
    while i < len(toks):
        if taken[i] or not toks[i][2][0].isupper():
            i += 1
            continue
        j = i
        while j + 1 < len(toks) and not taken[j + 1]:
            nxt = toks[j + 1][2]
            gap = sentence[toks[j][1] : toks[j + 1][0]]
            if any(c in gap for c in ',;:()"“”—–') and gap.strip() not in ("-", "’", "'"):
                break
            if nxt[0].isupper() or (
                nxt.lower() in _CONNECTORS
                and j + 2 < len(toks)
                and toks[j + 2][2][0].isupper()
                and not taken[j + 2]
                and nxt.lower() != "and"
            ):
                j += 1
                continue
            break
        run = list(range(i, j + 1))
        i = j + 1
        words = [toks[k][2] for k in run]
        title_words = []
        while run and (words[0].lower() in TITLES or words[0].lower() in _COMMON or words[0].lower() in _CONNECTORS):
            if words[0].lower() in TITLES:
                title_words.append(words[0])
            run, words = run[1:], words[1:]
        while run and (words[-1].lower() in _CONNECTORS or words[-1].lower() in _COMMON):
            run, words = run[:-1], words[:-1]
        if not run:
            continue
        if all(w.lower() in _MONTHS_DAYS or w.isdigit() for w in words):
            continue
        start, end = toks[run[0]][0], toks[run[-1]][1]
        surface = sentence[start:end]
        folded_name = " ".join(_fold_word(w) for w in words)
        title = " ".join(title_words) or None
        if len(words) == 1 and (words[0].endswith(("ese", "ian", "ish", "an")) or len(words[0]) < 3):
            continue  # an adjective of nationality ("African"), or a fragment
        # A registry name glued to the next word by a missing space ("Prabowo Subiantofrom which").
        glued = re.fullmatch(r"(\w*[a-z])(from|with|which|that|and|for|who|whom|whose)", words[-1])
        if glued and len(glued.group(1)) >= 3:
            key = name_tokens(" ".join([*words[:-1], glued.group(1)]))
            iri = registry.names.get(key)
            if iri is not None:
                end -= len(glued.group(2))
                mentions.append(
                    Mention(start, end, sentence[start:end], iri, registry.entities[iri].kind, "label, glued", title)
                )
                continue
        # A near spelling of a registry name ("Mitsubishi Heavy Industry", "Kishida Fumio").
        best = process.extractOne(folded_name, list(labels), scorer=fuzz.token_sort_ratio, score_cutoff=fuzzy_cutoff)
        if best and len(folded_name) >= 4:
            iri = labels[best[0]]
            mentions.append(
                Mention(start, end, surface, iri, registry.entities[iri].kind, f"fuzzy {int(best[1])}", title)
            )
            continue
        if len(words) == 1 and (run[0] == 0 or _is_sentence_start(sentence, start)):
            continue  # a capitalised first word is no evidence of a name
        if len(words) == 1 and words[0].lower() in _ORG_WORDS:
            continue  # "the Navy", "the Ministry": a short form of a name the text gave before
        kind = _guess_kind(words, title, sentence, start, toks, run)
        if kind is None:
            continue
        mentions.append(Mention(start, end, surface, None, kind, "new", title))
    mentions.sort(key=lambda m: m.start)
    for shared in distributed_names(sentence, registry):
        lo, hi = min(m.start for m in shared), max(m.end for m in shared)
        outer = [m for m in mentions if m.start <= lo and m.end >= hi and not m.how.startswith("inside")]
        if outer and (outer[0].start, outer[0].end) != (lo, hi):
            for m in shared:  # inside a longer name, as names inside names are: mentions only
                m.how = f"inside {outer[0].surface!r}"
        else:
            outer = []
        mentions = [m for m in mentions if m in outer or m.end <= lo or m.start >= hi] + shared
    mentions.sort(key=lambda m: (m.start, -m.end))
    mentions += possessed_names(sentence, registry, mentions)
    mentions.sort(key=lambda m: (m.start, -m.end))
    return mentions


def _breaks(gap: str) -> bool:
    """Whether the text between two words of a name breaks it (a comma, a bracket, a dash between spaces);
    quote marks do not (the “minilateral” alliance)."""
    return any(c in gap for c in ",;:()[]") or gap.strip() in ("—", "–") or "\n" in gap


def _is_sentence_start(sentence: str, start: int) -> bool:
    before = sentence[:start].rstrip()
    return not before or before[-1] in '.!?:"“'


def _guess_kind(words, title, sentence, start, toks, run) -> str | None:
    """The class of an unknown name: from a title, a keyword in it, or the word before it."""
    lowered = [w.lower() for w in words]
    for w in reversed(lowered):
        if w in _ORG_WORDS:
            return _ORG_WORDS[w]
    if title:
        return "Person"
    before = toks[run[0] - 1][2].lower() if run[0] > 0 else ""
    if before in _PLACE_PREPOSITIONS and len(words) <= 2:
        return "Place"
    if 2 <= len(words) <= 3 and all(w[0].isupper() and w.isalpha() and not w.isupper() for w in words):
        return "Person"
    if len(words) == 1 and words[0].isupper() and len(words[0]) >= 3:
        return "Organisation"
    return None


# ---------------------------------------------------------------- events


@dataclass
class ProposedEvent:
    iri: str
    kind: str
    cue: str
    status: str
    status_cue: str | None
    participants: list[str]
    role: str  # kg:participant or kg:visitor
    places: list[tuple[str, str]]  # (predicate local name, entity)
    date: DateMention | None
    label: str
    known: bool = False  # an event of the registry, not a new one


def known_event(
    registry: Registry,
    kind: str,
    actors: list[str],
    places: list[str],
    when: DateMention | None,
    named: set[str] = frozenset(),
) -> str | None:
    """The registry's event that a proposed one is, if exactly one fits best.

    It fits when it is of the same kind, its date (when both have one) overlaps the proposal's,
    and it shares with the proposal at least half of the proposal's participants and two
    participants or places, or all its participants and the date or something else the sentence
    names (``named``) that its claims name. A deployment is also the registry's one of the same ship
    (at an overlapping date, if the sentence gives one), whoever the sentence says sends it: a ship
    makes one deployment at a time.
    """
    ships = {p for p in places if p in registry.entities and "Ship" in registry.entities[p].kinds}
    best: list[tuple[int, str]] = []
    for iri, ev in registry.events.items():
        if kind not in ev.kinds:
            continue
        shared = set(actors) & ev.participants
        score = len(shared) + len(set(places) & ev.places)
        dated = when is not None and when.earliest and ev.dates
        if dated and not any(lo <= when.latest and when.earliest <= hi for lo, hi in ev.dates):
            continue
        if actors and set(actors) == ev.participants and (dated or named & ev.related):
            # The same participants, and the same time or the same subject ("When Italy withdrew from
            # the Belt and Road Initiative in 2024": the registry's withdrawal concerns the BRI).
            score += 1
        same_ship = kind == "NavalDeployment" and ships & ev.places
        if same_ship:
            score += 1
        if score < 2 or 2 * len(shared) < len(set(actors)) and not same_ship:
            continue
        best.append((score, iri))
    best.sort(reverse=True)
    tied = [iri for score, iri in best if score == best[0][0]]
    if len(tied) > 1:
        # A meeting and the lunch and the conversation that are parts of it fit as well: the whole is
        # the one a sentence reports, unless it names the part.
        tied = [iri for iri in tied if not registry.events[iri].part_of & set(tied) or iri in named]
    if len(tied) != 1:
        return None  # none, or two as good: the steward decides
    return tied[0]


def _status(sentence: str, date: DateMention | None, article: ArticleDate) -> tuple[str, str | None]:
    low = f" {sentence.lower()} "
    expected = re.search(r"\b(will likely|(?:is|are) likely to|will probably)\b", low)
    if expected and not any(re.search(rf"\b{c}\b", low) for c in STATUS_CUES[0][1] + STATUS_CUES[1][1]):
        return "Planned", expected.group(1)  # "will likely": planned, and expected (kg:modality on its claims)
    for status, cues in STATUS_CUES:
        for cue in cues:
            if re.search(rf"\b{re.escape(cue)}\b", low):
                return status, cue
    if date is not None and date.earliest and article.value:
        if date.earliest > article.latest_iso:
            return "Planned", None
    return "Happened", None


def _subjects(kind: str, actors: list[str], named: list[Mention], at: int, is_, sentence: str = "") -> list[str]:
    """Who an event of ``kind`` is about, when the sentence says it before the cue.

    An announcement or a decision is its announcer's: the actor named last before the cue ("Draghi
    also announced a re-assessment of Italy's presence": Draghi). A visit or a tour is its visitors'
    (the people named before the cue). A port call or a deployment is the armed forces' and countries'
    named before the cue, not the people who announce it.
    """
    before = [m.entity for m in named if m.end <= at and m.entity in actors]
    if kind == "Announcement" and before:
        last = [m for m in named if m.end <= at and m.entity in actors][-1]
        if last.how.startswith("context"):  # "The two leaders announced": both of them
            return list(dict.fromkeys(m.entity for m in named if m.start == last.start and m.entity in actors))
        return [before[-1]]
    if kind in ("Visit", "Tour"):
        people = [a for a in before if is_(a, _PERSONISH)]
        return people or actors
    if kind in ("PortCall", "NavalDeployment"):
        forces = [a for a in dict.fromkeys(before) if not is_(a, _PERSONISH)]
        # else those after the cue, unless a preposition makes them a place ("south of Sylvania").
        after = [
            m.entity
            for m in named
            if m.entity in actors
            and not is_(m.entity, _PERSONISH)
            and _word_before(sentence, m.start) not in ("to", "in", "of", "at", "from", "for")
        ]
        return forces or list(dict.fromkeys(after))
    if kind == "Meeting":
        # A meeting has two sides: one person met a government or a body named after the cue
        # ("Meloni met with Taipei's representative in Italy": Taiwan; Italy is where).
        people = [a for a in actors if is_(a, _PERSONISH)]
        if len(people) == 1:
            others = [
                m.entity
                for m in named
                if m.start >= at
                and is_(m.entity, _ACTORS - _PERSONISH)
                and _word_before(sentence, m.start) not in ("in", "at")
            ]
            return list(dict.fromkeys(people + others))
    return actors


def _compound_modifiers(sentence: str, named: list[Mention]) -> set[int]:
    """Offsets of names joined by hyphens into a modifier of a common noun ("the Poland-Ukraine
    border", "Japan-U.K. defense relations"): they name what the noun is about, not who takes part.
    A compound before an event word ("the EU-Japan summit") is left alone."""
    out: set[int] = set()
    k = 0
    while k < len(named):
        j = k
        while j + 1 < len(named) and sentence[named[j].end : named[j + 1].start] in ("-", "–"):
            j += 1
        if j > k:
            rest = sentence[named[j].end :].split()
            word = re.sub(r"\W+$", "", rest[0]) if rest else ""
            if word and word[0].islower() and word.lower() not in EVENT_CUES:
                out.update(m.start for m in named[k : j + 1])
        k = j + 1
    return out


def _office_of(registry: Registry, title: str, country: str) -> str | None:
    """The registry's office "<title> of <country>" (by any name of the country), if it has one."""
    ent = registry.entities.get(country)
    if ent is None:
        return None
    iri = registry.names.get(name_tokens(f"{title} of {ent.label}"))
    if iri and registry.entities[iri].kinds & {"LeaderOffice", "OfficialOffice"}:
        return iri
    return None


def _title_and_country(registry: Registry, office: str) -> tuple[str, str] | None:
    m = re.fullmatch(r"(.+?) of (?:the )?(.+)", registry.entities[office].label)
    if not m:
        return None
    country = registry.names.get(name_tokens(m.group(2)))
    return (m.group(1), country) if country else None


def _counterparts(sentence, named, holdings, registry, is_) -> list[tuple[Mention, str]]:
    """ "Italy's Defence Minister Lorenzo Guerini ... met with his counterpart Kishi Nobuo": the
    counterpart holds the same office of the other country the sentence names."""
    out = []
    for cp in re.finditer(r"\bcounterparts?\b", sentence, re.I):
        after = [m for m in named if m.start > cp.end() and is_(m.entity, _PERSONISH)]
        if not after or not re.fullmatch(r"[\s,]*", sentence[cp.end() : after[0].start]):
            continue
        for _, office in holdings:
            found = _title_and_country(registry, office)
            if not found:
                continue
            title, home = found
            others = {m.entity for m in named if is_(m.entity, {"Country"}) and m.entity != home}
            if len(others) == 1:
                target = _office_of(registry, title, others.pop())
                if target:
                    out.append((after[0], target))
            break
    return out


def _appositions(sentence, named, holdings, registry, is_) -> list[tuple[Mention, str]]:
    """ "Luigi Di Mai, the technocratic foreign minister, ...": a person, then a comma and a title,
    holds that office of the one country the sentence names (not one someone goes to)."""
    held = {p.start for p, _ in holdings}
    countries = {
        m.entity for m in named if is_(m.entity, {"Country"}) and _word_before(sentence, m.start) not in ("to", "for")
    }
    if len(countries) != 1:
        return []
    (country,) = countries
    out = []
    for m in named:
        if m.start in held or not is_(m.entity, _PERSONISH):
            continue
        app = re.match(
            r",\s+(?:the\s+)?(?:[a-z]+\s+)??((?:[a-z]+\s+)?(?:minister|secretary|president|ambassador))\b",
            sentence[m.end :],
        )
        if app:
            target = _office_of(registry, app.group(1), country)
            if target:
                out.append((m, target))
    return out


def _word_before(sentence: str, start: int) -> str:
    before = sentence[:start].split()
    return before[-1].lower() if before else ""


def implied_summits(sentence: str, named: list[Mention], is_) -> dict[int, tuple[str, list[str], str | None]]:
    """Summits named by their group alone: "the May G7", "the Italian G7", "the G20 in Bali".

    A multilateral body preceded by a month, a year or a country's name or demonym, or followed by
    "in" and a place, is its summit; the country before it is its host. Returns, by the body's
    offset, (the words that cue it, the participants, the place or None).
    """
    out = {}
    for k, m in enumerate(named):
        if not is_(m.entity, {"MultilateralBody"}):
            continue
        prev = named[k - 1] if k > 0 else None
        host = prev if prev and prev.end + 1 >= m.start and is_(prev.entity, {"Country"}) else None
        word = _word_before(sentence, m.start).rstrip(".")
        dated = word in _MONTHS_DAYS or re.fullmatch(r"(?:19|20)\d{2}", word)
        nxt = named[k + 1] if k + 1 < len(named) else None
        place = None
        if nxt and is_(nxt.entity, _PLACES) and re.fullmatch(r"\s+in\s+", sentence[m.end : nxt.start]):
            place = nxt.entity
        if host or dated or place:
            cue = sentence[(host.start if host else m.start) : m.end]
            out[m.start] = (cue, [m.entity] + ([host.entity] if host else []), place)
    return out


@dataclass
class DescribedEvent:
    """An event a sentence describes rather than names with a cue word: a war by its aggressor, a
    process under way, tensions between two sides, a measure imposed by someone."""

    at: int
    cue: str
    kind: str
    actors: list[str]
    places: list[tuple[str, str]]
    status: str | None  # None: from the sentence's status cues, as for any event


#: Verbs of a process under way, after "is"/"are" and before "its"/"their" ("is rapidly building up its military").
_PROCESS_VERBS = (
    "building up|increasing|expanding|boosting|bolstering|strengthening|reinforcing|deepening|stepping up"
    "|reviewing|revising|modernising|modernizing|rearming"
)
_PROCESS = re.compile(
    rf"^\s*,?\s*(?:which\s+|who\s+)?(?:is|are|has been|have been)\s+(?:\w+ly\s+)?(?:in the process of\s+)?"
    rf"({_PROCESS_VERBS})\s+(?:its|their)\b"
)
#: "Britain's bigger presence", "China's growing military build-up": a process named by its actor.
_GROWTH = re.compile(
    r"^['’]s\s+(?:bigger|growing|increasing|increased|expanding|greater|stronger|rising)\s+"
    r"((?:military\s+|naval\s+)?(?:presence|build-?up|engagement))\b"
)
_CONFLICT = re.compile(
    r"^(?:['’]s)?\s+(?:full-scale\s+|military\s+|unprovoked\s+|brutal\s+)?(war of aggression|invasion|aggression)\b"
)
_TENSIONS = re.compile(r"\btensions\s+(with|between)\b", re.I)
_IMPOSED = re.compile(r"\b(?:tariffs|sanctions|duties|restrictions|embargo|embargoes)\s+(imposed)\s+by\s+", re.I)


def described_events(sentence: str, mentions: list[Mention], is_) -> list[DescribedEvent]:
    """Events a sentence describes without a cue word of :data:`EVENT_CUES`.

    * a war by its aggressor: "Russia's invasion of Ukraine", "the Russian war of aggression in
      Ukraine" (the country before the word takes part, the one after "of", "in" or "against" is where);
    * a process under way, by who is doing it: "Japan, which is rapidly building up its military",
      "Italy is increasing its presence", "Britain's bigger presence in the Indo-Pacific" (kg:Ongoing);
    * tensions: "growing tensions with China" (the actor named last before, and China), "the European
      and Japanese tensions with Beijing", "tensions between X and Y" (kg:Ongoing);
    * a measure imposed by someone: "the tariffs imposed by Donald Trump" (his announcement).
    """
    countries = [m for m in mentions if is_(m.entity, {"Country"})]
    actors = [m for m in mentions if is_(m.entity, _ACTORS) and not m.how.startswith("inside")]
    places = [m for m in mentions if is_(m.entity, _PLACES) and not m.how.startswith("inside")]

    def place_after(end: int, words: str) -> list[tuple[str, str]]:
        for m in places:
            if m.start >= end and re.fullmatch(rf"\s+(?:{words})\s+(?:the\s+)?", sentence[end : m.start]):
                return [("location", m.entity)]
        return []

    out: list[DescribedEvent] = []
    for m in countries:
        war = _CONFLICT.match(sentence[m.end :])
        if war:
            at, end = m.end + war.start(1), m.end + war.end(1)
            out.append(DescribedEvent(at, war.group(1), "Event", [m.entity], place_after(end, "of|in|against"), None))
    for m in actors:
        rest = sentence[m.end :]
        found = _PROCESS.match(rest) or (_GROWTH.match(rest) if is_(m.entity, {"Country"}) else None)
        if found:
            at, end = m.end + found.start(1), m.end + found.end()
            stop = re.search(r"[,;:]", sentence[end:])
            clause_end = end + stop.start() if stop else len(sentence)
            where = [
                ("location", p.entity)
                for p in places
                if end <= p.start < clause_end and re.search(r"\bin\s+(?:the\s+)?$", sentence[: p.start])
            ][:1]
            out.append(DescribedEvent(at, found.group(1), "Event", [m.entity], where, "Ongoing"))
    for t in _TENSIONS.finditer(sentence):
        stop = re.search(r"[,;:]|\bover\b", sentence[t.end() :])
        clause_end = t.end() + stop.start() if stop else len(sentence)
        after = [m.entity for m in countries if t.end() <= m.start < clause_end and not m.how.startswith("inside")]
        if not after:
            continue
        if t.group(1).lower() == "between":
            sides = after
        else:
            # "the European and Japanese tensions with Beijing": the modifiers; else who was named last.
            lead = re.search(r"((?:\b[A-Z][\w-]*\s+(?:and\s+)?)+)(?:tensions)\s*$", sentence[: t.end(1) - 5])
            before = [m.entity for m in actors if lead and m.start >= lead.start(1) and m.end <= t.start()]
            if not before:
                before = [m.entity for m in actors if m.end <= t.start()][-1:]
            sides = before + after
        sides = list(dict.fromkeys(sides))
        if len(sides) >= 2:
            out.append(DescribedEvent(t.start(), "tensions", "Event", sides, [], "Ongoing"))
    for imp in _IMPOSED.finditer(sentence):
        by = [m for m in actors if m.start == imp.end()]
        if by:
            out.append(DescribedEvent(imp.start(1), "imposed", "Announcement", [by[0].entity], [], None))
    return out


#: Ordinal words before an event cue ("second official visit"), and their numbers.
ORDINALS = {w: i + 1 for i, w in enumerate("first second third fourth fifth sixth seventh eighth ninth tenth".split())}
XSD = "http://www.w3.org/2001/XMLSchema#"


def cue_order_nearest(cues: list[tuple[str, str, int]], offset: int) -> int | None:
    """The offset of the cue nearest to ``offset`` (the event a "first" in the sentence is about)."""
    return min((at for _, _, at in cues), key=lambda at: abs(at - offset), default=None)


def _cues(sentence: str) -> list[tuple[str, str, int]]:
    low = sentence.lower()
    found: list[tuple[int, str, str]] = []
    for cue, kind in EVENT_CUES.items():
        for m in re.finditer(rf"\b{re.escape(cue)}\b", low):
            found.append((m.start(), cue, kind))
    seen: set[str] = set()
    kinds = {kind for _, _, kind in found}
    out = []
    for at, cue, kind in sorted(found):
        if kind == "Visit" and ("PortCall" in seen or "Tour" in kinds):
            continue  # the visits of a tour, or a ship's visit, are that one event
        if kind not in seen:
            seen.add(kind)
            out.append((cue, kind, at))
    return out


# ---------------------------------------------------------------- references to earlier sentences

#: Descriptions of a group named earlier: "the two leaders", "both countries", and the kinds they take.
_GROUP_REFERENCES = re.compile(
    r"\b(?:the\s+two|both(?:\s+the)?)\s+(leaders|countries|nations|governments|ministers|sides)\b", re.I
)
_GROUP_KINDS = {
    "leaders": _PERSONISH,
    "ministers": _PERSONISH,
    "countries": {"Country"},
    "nations": {"Country"},
    "governments": {"Country"},
    "sides": {"Country"},
}
#: How many sentences back a reference looks for what it refers to.
CONTEXT_WINDOW = 4


@dataclass
class _Named:
    """What an earlier sentence named, in order: each entity with its kinds and the evidence node that
    names it (the sentence's own, or an earlier one's for what the sentence only refers to)."""

    entities: list[tuple[str, frozenset[str], str]]  # entity, its kinds, the evidence that names it


def _referents(history: list[_Named], group: set[str], n: int) -> list[tuple[str, str]]:
    """The last ``n`` distinct entities of ``group`` named in the sentences of ``history`` (latest
    last), as (entity, evidence of the sentence that names it); none unless all ``n`` are found."""
    found: list[tuple[str, str]] = []
    for past in reversed(history[-CONTEXT_WINDOW:]):
        for iri, kinds, evidence in reversed(past.entities):
            if kinds & group and iri not in {e for e, _ in found}:
                found.append((iri, evidence))
                if len(found) == n:
                    return list(reversed(found))
    return []


def references(sentence: str, named: list[Mention], history: list[_Named], kinds_of) -> list[Mention]:
    """Entities a sentence refers to without naming them, resolved from the sentences before.

    "The two leaders" and "both leaders" are the last two people named in the previous sentences
    (up to :data:`CONTEXT_WINDOW`), "the two countries" or "both nations" the last two countries, and a
    sentence that opens with "They" is about the people (else the countries) its previous sentence
    names, when it names two or more. The sentence's own names of that kind come first: a reference
    resolves only when the sentence names none. Each is a :class:`Mention` at the reference's offsets,
    its ``how`` "context <evidence IRI>" naming the sentence that names it.
    """
    out: list[Mention] = []
    own = {k for m in named for k in kinds_of(m.entity)}
    for ref in _GROUP_REFERENCES.finditer(sentence):
        group = _GROUP_KINDS[ref.group(1).lower()]
        if own & group:
            continue
        for iri, evidence in _referents(history, group, 2):
            out.append(Mention(ref.start(), ref.end(), ref.group(0), iri, "", f"context {evidence}"))
    they = re.match(r"\s*They\b", sentence)
    if they and history and not out:
        for group in (_PERSONISH, {"Country"}):
            found = list(dict.fromkeys((iri, ev) for iri, k, ev in history[-1].entities if k & group))
            if len(found) >= 2 and not own & group:
                out += [Mention(they.start(), they.end(), "They", iri, "", f"context {ev}") for iri, ev in found]
                break
    return out


def distributed_names(sentence: str, registry: Registry) -> list[list[Mention]]:
    """Names shared by two modifiers: "the Italian and Japanese Air Forces" names the Italian Air Force
    and the Japanese Air Force, when the registry knows both. They replace the names found inside
    (or are mentions inside the longer name that contains them)."""
    out = []
    for m in re.finditer(r"\b([A-Z][\w-]+) and ([A-Z][\w-]+) ((?:[A-Z][\w-]+ )*[A-Z][\w-]+?)s\b", sentence):
        head = re.sub(r"ie$", "y", m.group(3))  # "Forces", "Navies"
        found = []
        for k in (1, 2):
            iri = registry.names.get(name_tokens(f"{m.group(k)} {head}"))
            if iri is None:
                break
            surface = sentence[m.start(k) : m.end()]
            found.append(Mention(m.start(k), m.end(), surface, iri, registry.entities[iri].kind, "distributed"))
        if len(found) == 2:
            out.append(found)
    return out


#: Possessives that stand for a country named before them: "its navy", "the country's army".
_POSSESSED = re.compile(
    r"\b(?:its|the\s+(?:country|nation)['’]s)\s+(navy|army|air\s+force|armed\s+forces|government)\b", re.I
)


def possessed_names(sentence: str, registry: Registry, mentions: list[Mention]) -> list[Mention]:
    """ "Italy has conducted naval diplomacy ..., while ... its navy can cooperate": the Italian Navy,
    the registry name "<demonym> Navy" of the last country the sentence names before the possessive."""
    out = []
    for m in _POSSESSED.finditer(sentence):
        countries = [c for c in mentions if c.end <= m.start() and c.entity and c.kind == "Country"]
        if not countries:
            continue
        country, noun = countries[-1].entity, name_tokens(m.group(1))
        found = {
            iri
            for key, iri in registry.names.items()
            if key[1:] == noun and len(key) > 1 and registry.names.get(key[:1]) == country
        }
        if len(found) == 1:
            iri = found.pop()
            kind = registry.entities[iri].kind
            out.append(Mention(m.start(), m.end(), m.group(0), iri, kind, f"possessive of {countries[-1].surface!r}"))
    return out


# ---------------------------------------------------------------- the draft


@dataclass
class SentenceDraft:
    sentence: Sentence
    evidence: str
    mentions: list[Mention]
    dates: list[DateMention]
    events: list[ProposedEvent]
    claims: list[tuple[str, str, str, dict]]  # subject, predicate, object (N3), qualifiers (N3)
    #: What the sentence refers to without naming it ("the two leaders"), resolved from the sentences before.
    references: list[Mention] = field(default_factory=list)


@dataclass
class Draft:
    """A draft of one article's claims, ready to be written as Turtle (:meth:`turtle`)."""

    article_id: str
    file_name: str
    date: ArticleDate
    sentences: list[SentenceDraft]
    new_entities: dict[str, tuple[str, list[str]]]  # iri -> (kind, surface forms)
    aliases: dict[str, set[str]]  # registry iri -> proposed altLabels (fuzzy matches)
    events: list[ProposedEvent]
    #: Sentences with dates but nothing to claim (no name, no event): shown to the steward as comments.
    unclaimed_dates: list[tuple[Sentence, list[DateMention]]] = field(default_factory=list)

    @property
    def claim_count(self) -> int:
        return sum(len(s.claims) for s in self.sentences)

    def turtle(self) -> str:
        return _turtle(self)


def _local(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


def _iri_name(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^A-Za-z0-9]+", "_", text).strip("_") or "Entity"


def _short(registry: Registry, iri: str, new: dict) -> str:
    """A short name for IRIs and labels: a person's surname, else the local name."""
    if iri in registry.entities:
        ent = registry.entities[iri]
        if ent.kind == "Person":
            return ent.label.split()[-1] if ent.label.split()[0] not in ("Abe", "Xi") else ent.label.split()[0]
        return _local(iri)
    return _local(iri)


def draft_article(
    path: Path,
    registry: Registry,
    *,
    article_id: str | None = None,
    date: str | None = None,
) -> Draft:
    """Draft the claims of the article at ``path`` against ``registry``.

    ``date`` (YYYY, YYYY-MM or YYYY-MM-DD) is the article's date when the caller knows it;
    otherwise it is looked for in the text (:func:`kg.dates.find_article_date`).
    """
    path = Path(path)
    text = read_article(path)
    aid = article_id or path.stem
    article_date = find_article_date(text, given=date)
    sentences = split_sentences(text)
    prefix = aid.split("_", 1)[0]
    new_entities: dict[str, tuple[str, list[str]]] = {}
    new_by_name: dict[str, str] = {}
    aliases: dict[str, set[str]] = defaultdict(set)
    used_iris = set(registry.entities)
    events: list[ProposedEvent] = []
    drafts: list[SentenceDraft] = []
    unclaimed: list[tuple[Sentence, list[DateMention]]] = []
    article_iri = f"<{ART}{aid}>"
    kg = str(KG)
    last_date: DateMention | None = None
    history: list[_Named] = []
    for sentence in sentences:
        mentions = find_mentions(sentence.text, registry)
        for m in mentions:
            if m.entity is None:
                key = fold(m.surface).strip()
                iri = new_by_name.get(key)
                if iri is None:
                    base = f"{ENT}{_iri_name(m.surface)}"
                    iri, n = base, 2
                    while iri in used_iris:
                        iri, n = f"{base}_{n}", n + 1
                    used_iris.add(iri)
                    new_by_name[key] = iri
                    new_entities[iri] = (m.kind, [])
                if m.surface not in new_entities[iri][1]:
                    new_entities[iri][1].append(m.surface)
                m.entity = iri
            elif m.how.startswith("fuzzy"):
                aliases[m.entity].add(m.surface)
        dates = find_dates(sentence.text, article_date, previous=last_date)
        resolved_here = [d for d in dates if d.value]
        if resolved_here:
            last_date = resolved_here[-1]  # what "that day" in a later sentence refers to
        claims: list[tuple[str, str, str, dict]] = []
        kinds = {
            m.entity: (registry.entities[m.entity].kinds if m.entity in registry.entities else {m.kind})
            for m in mentions
        }

        def is_(iri: str, group: set[str], kinds=kinds) -> bool:
            return bool(set(kinds.get(iri, ())) & group)

        # Names inside a longer name are mentions only: the longer name is what takes part.
        named = [m for m in mentions if not m.how.startswith("inside")]
        modifiers = _compound_modifiers(sentence.text, named)

        # Office holdings: an office named right before a person ("Italian Prime Minister Giorgia Meloni").
        holdings: list[tuple[Mention, str]] = []
        for a, b in zip(named, named[1:], strict=False):
            gap = sentence.text[a.end : b.start]
            if (
                is_(a.entity, {"LeaderOffice", "OfficialOffice"})
                and is_(b.entity, _PERSONISH)
                and len(gap) <= 3
                and "," not in gap
            ):
                holdings.append((b, a.entity))
        holdings += _counterparts(sentence.text, named, holdings, registry, is_)
        holdings += _appositions(sentence.text, named, holdings, registry, is_)
        for person, office in holdings:
            quals = {}
            # The office is attested at the article's date, or at an earlier date the sentence gives.
            past = [
                d
                for d in dates
                if d.value and d.relative and article_date.value and d.latest < article_date.day.isoformat()
            ]
            when = past[0] if past else None
            if when is not None:
                quals[f"<{kg}pointInTime>"] = when.term
                quals[f"<{kg}resolvedFrom>"] = Literal(when.phrase).n3()
                quals.update(when.bound_terms())
            elif article_date.value:
                quals[f"<{kg}pointInTime>"] = article_date.term
            office_at = min((m.start for m in mentions if m.entity == office and m.end <= person.start), default=None)
            ended = office_at is not None and re.search(
                r"\b(?:former|the\s+late|ex-)\s*$", sentence.text[:office_at], re.I
            )
            if ended and article_date.value and when is None:
                # "former British Prime Minister Boris Johnson", "the late ... Abe Shinzo": he had
                # held it; by the article's date the holding had ended.
                del quals[f"<{kg}pointInTime>"]
                quals[f"<{kg}endedBy>"] = article_date.term
            claims.append((f"<{person.entity}>", f"<{kg}heldOffice>", f"<{office}>", quals))

        # Events.
        sentence_events = []
        ships_named = [m for m in named if is_(m.entity, {"Ship"})]
        cues = _cues(sentence.text)
        implied = {} if any(k == "Summit" for _, k, _ in cues) else implied_summits(sentence.text, named, is_)
        cues += [(cue, "Summit", at) for at, (cue, _, _) in sorted(implied.items())[:1]]
        described = {(d.at, d.cue): d for d in described_events(sentence.text, mentions, is_)}
        cues += [(d.cue, d.kind, d.at) for d in described.values()]
        named = [m for m in named if m.start not in modifiers]
        # "The two leaders, who met in November": the people the sentences before name take part.
        referred = references(sentence.text, named, history, lambda iri, kinds=kinds: kinds.get(iri, ()))
        for m in referred:
            kinds.setdefault(m.entity, registry.entities[m.entity].kinds if m.entity in registry.entities else set())
        context = {m.entity: m.how.split(" ", 1)[1] for m in referred}
        own_named = named
        named = sorted(named + referred, key=lambda m: m.start)
        # "two missions led by the patrol vessel Morosini in 2023 and aircraft carrier Cavour in 2024":
        # a plural cue with several ships is one deployment per ship, each at its own date.
        one_ship: dict[int, str] = {}
        for cue, kind, at in list(cues):
            if kind == "NavalDeployment" and cue.endswith("s") and len({m.entity for m in ships_named}) > 1:
                cues.remove((cue, kind, at))
                for m in ships_named:
                    if m.entity not in one_ship.values():
                        one_ship[m.start] = m.entity
                        cues.append((cue, kind, m.start))
        for cue, kind, at in cues:
            if cue in SHIP_CUES and not ships_named:
                continue  # "send" and "mission" cue a deployment only when a ship is named
            if kind == "Visit" and any(m.end <= at for m in ships_named):
                kind = "PortCall"  # a ship that visits a port makes a port call
            actors = [m.entity for m in named if is_(m.entity, _PERSONISH)]
            if not actors or kind in ("Summit", "NavalDeployment", "Announcement", "Event"):
                actors += [m.entity for m in named if is_(m.entity, _ACTORS - _PERSONISH)]
            actors = list(dict.fromkeys(actors))
            actors = _subjects(kind, actors, named, at, is_, sentence.text)
            if at in implied and kind == "Summit":
                actors = implied[at][1]
            hosts: list[str] = []
            if cue in HOST_CUES:
                # "Italy welcomed the late Japanese Prime Minister Abe Shinzo": a visit, its host named
                # before the cue, its visitors the people after it; a country that hosts is the destination.
                before = [m for m in named if m.end <= at and is_(m.entity, _ACTORS)]
                visitors = [m.entity for m in named if m.start > at and is_(m.entity, _PERSONISH)]
                if not before or not visitors:
                    continue
                hosts, actors = [before[-1].entity], list(dict.fromkeys(visitors))
            places: list[tuple[str, str]] = []
            previous: Mention | None = None
            for m in named:
                if not is_(m.entity, _PLACES) or m.entity in actors and kind not in _TRAVELS:
                    previous = m
                    continue
                before = sentence.text[: m.start].split()
                prev = before[-1].lower() if before else ""
                listed = (
                    previous is not None
                    and places
                    and places[-1][1] == previous.entity
                    # "France, the United Kingdom, Canada, and the United States"
                    and re.sub(r"\bthe\b", "", sentence.text[previous.end : m.start]).strip()
                    in (",", "and", ", and", "&")
                )
                # "south of Tokyo" says where a place is, not where anyone goes.
                direction = len(before) > 1 and before[-2].lower() in _DIRECTIONS
                if listed:
                    places.append((places[-1][0], m.entity))
                elif kind in _TRAVELS and prev in ("to", "in", "visit", "visited", "visiting", "of") and not direction:
                    places.append(("destination", m.entity))
                elif (
                    prev in ("in", "at")
                    and not is_(m.entity, {"Country"})
                    or prev in ("in", "at")
                    and kind
                    in (
                        "Meeting",
                        "Summit",
                    )
                ):
                    places.append(("location", m.entity))
                previous = m
            if at in implied and kind == "Summit":
                places = [("location", implied[at][2])] if implied[at][2] else []
            places += [("destination", h) for h in hosts if is_(h, {"Country"})]
            told = described.get((at, cue))
            if told is not None:
                actors, places = list(told.actors), list(told.places)
            if kind in _TRAVELS:  # where they go is not who goes ("send ... to Japan")
                actors = [a for a in actors if a not in {p for _, p in places}]
            if kind in ("NavalDeployment", "PortCall"):
                ships = [one_ship[at]] if at in one_ship else [m.entity for m in named if is_(m.entity, {"Ship"})]
                places += [("ship", s) for s in ships]
            if not actors and not places:
                continue  # an event the sentence does not tie to anyone or anywhere is not worth proposing
            if kind in ("Visit", "Tour") and not (actors and any(p == "destination" for p, _ in places)):
                continue  # a visit needs a visitor and a destination (kgsh:VisitShape)
            if kind == "PortCall" and not any(p in ("destination", "location") for p, _ in places):
                continue
            resolved = [d for d in dates if d.value]
            when = min(resolved, key=lambda d: abs(d.start - at)) if resolved else None
            status, status_cue = _status(sentence.text, when, article_date)
            if told is not None and told.status and status in ("Happened", "Planned"):
                status, status_cue = told.status, told.cue  # "is building up", "growing tensions": under way
            if told is not None and told.kind == "Event":
                when = None  # a war or a process is not dated by the sentence's other dates
            names = [_short(registry, a, new_entities) for a in actors[:3]]
            stamp = when.value if when else "undated"
            known = known_event(
                registry, kind, actors + hosts, [p for _, p in places], when, {m.entity for m in mentions}
            )
            if told is not None and known is None:
                # "Russia's invasion": the registry's war, when the words that describe it are its name.
                named_event = [
                    m.entity
                    for m in mentions
                    if m.start <= at < m.end
                    and "Event" in registry.entities.get(m.entity, Entity("", frozenset(), "")).kinds
                ]
                known = named_event[0] if named_event else None
            if known is not None:
                iri, label = known, registry.entities[known].label
            else:
                base = f"{ENT}{kind}_{stamp}_{'_'.join(names) or _local(places[0][1])}"
                iri, n = base, 2
                while iri in used_iris:
                    iri, n = f"{base}_{n}", n + 1
                used_iris.add(iri)
                label = f"{kind} ({cue}) of {', '.join(names) or _local(places[0][1])}, {stamp} (drafted from {aid})"
            role = "visitor" if kind in ("Visit", "Tour") else "participant"
            participants = actors + [h for h in hosts if h not in actors]
            ev = ProposedEvent(
                iri, kind, cue, status, status_cue, participants, role, places, when, label, known is not None
            )
            sentence_events.append(ev)
            subject = f"<{iri}>"
            # "will likely": what the sentence says of the event is expected, not reported (kg:Expected).
            hedge = {f"<{kg}modality>": f"<{kg}Expected>"} if status_cue in EXPECTED_CUES else {}
            for a in actors:
                quals = {f"<{kg}context>": f"<{context[a]}>"} if a in context else {}
                claims.append((subject, f"<{kg}{role}>", f"<{a}>", {**quals, **hedge}))
            for h in hosts:
                claims.append((subject, f"<{kg}host>", f"<{h}>", dict(hedge)))
            for pred, place in places:
                claims.append((subject, f"<{kg}{pred}>", f"<{place}>", dict(hedge)))
            if when is not None:
                if when.end_value:
                    claims.append((subject, f"<{kg}startDate>", when.term, when.qualifiers()))
                    claims.append((subject, f"<{kg}endDate>", when.end_term, when.qualifiers(end=True)))
                else:
                    claims.append((subject, f"<{kg}date>", when.term, when.qualifiers()))
            claims.append((subject, f"<{kg}status>", f"<{kg}{status}>", {}))
            # "his first official visit", "her second official visit": the event's place in its series.
            ordinal = re.search(rf"\b({'|'.join(ORDINALS)})\s+(?:[a-z]+\s+){{0,2}}$", sentence.text[:at], re.I)
            if ordinal:
                n = ORDINALS[ordinal.group(1).lower()]
                claims.append((subject, f"<{kg}ordinal>", f'"{n}"^^<{XSD}integer>', {}))
            for span in (d for d in dates if d.duration):
                # "a five-month deployment": how long the event lasts; "the first held in person ...
                # after two years": the span in which it is the first of its kind.
                span_end = span.start + len(span.phrase)
                gap = sentence.text[span_end:at] if at >= span_end else "-"
                first = re.search(r"\bfirst\b", sentence.text[: span.start], re.I)
                if re.fullmatch(r"\s*", gap):
                    pred = "duration"
                elif first and cue_order_nearest(cues, first.start()) == at:
                    pred = "firstIn"
                else:
                    continue
                term = f'"{span.duration}"^^<{XSD}duration>'
                claims.append((subject, f"<{kg}{pred}>", term, {f"<{kg}resolvedFrom>": Literal(span.phrase).n3()}))
        events.extend(sentence_events)

        # Every other name is at least a mention of the article.
        claimed = {c[0] for c in claims} | {c[2] for c in claims}
        for m in mentions:
            if f"<{m.entity}>" not in claimed:
                claimed.add(f"<{m.entity}>")
                claims.append((article_iri, f"<{kg}mentions>", f"<{m.entity}>", {}))
        if claims:
            evidence = f"{EVD}{prefix}-{len(drafts) + 1:02d}"
            drafts.append(SentenceDraft(sentence, evidence, mentions, dates, sentence_events, claims, referred))
            # What later sentences may refer to, in the order the sentence gives it.
            seen = [(m, evidence) for m in own_named] + [(m, context[m.entity]) for m in referred]
            seen.sort(key=lambda x: x[0].start)
            history.append(_Named([(m.entity, frozenset(kinds.get(m.entity, ())), ev) for m, ev in seen]))
        elif dates:
            unclaimed.append((sentence, dates))
    return Draft(aid, path.name, article_date, drafts, new_entities, dict(aliases), events, unclaimed)


# ---------------------------------------------------------------- Turtle

_PREFIXES = {
    "kg": str(KG),
    "ent": ENT,
    "art": ART,
    "evd": EVD,
    "rdf": str(RDF),
    "skos": str(SKOS),
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def _short_term(term: str) -> str:
    if term.startswith("<") and term.endswith(">"):
        iri = term[1:-1]
        for p, ns in _PREFIXES.items():
            if iri.startswith(ns) and re.fullmatch(r"[A-Za-z0-9_][\w.-]*", iri[len(ns) :]) and not iri.endswith("."):
                return f"{p}:{iri[len(ns) :]}"
        return term
    m = re.fullmatch(r'("(?:[^"\\]|\\.)*")\^\^<http://www\.w3\.org/2001/XMLSchema#(\w+)>', term)
    if m:
        return f"{m.group(1)}^^xsd:{m.group(2)}"
    return term


def _turtle(d: Draft) -> str:
    lit = lambda s: Literal(s).n3()  # noqa: E731 - escaping of plain strings
    lines = [f"@prefix {p}: <{ns}> ." for p, ns in _PREFIXES.items()]
    lines += [
        "",
        f"# DRAFT claims for article {d.article_id}, proposed by `kg draft`. Nothing here is reviewed.",
        "# Review each claim against its quote: delete it, correct it, or accept it by removing `a kg:Draft`.",
        "# When no kg:Draft is left, rename the file to data/claims/<article>.ttl (without .draft).",
        "",
        f"art:{d.article_id} a kg:Article ;",
        f"    kg:fileName {lit(d.file_name)} ;",
    ]
    if d.date.value:
        lines.append(f"    kg:publicationDate {_short_term(d.date.term)} ;")
    lines.append(f"    kg:dateMethod {lit(d.date.method)} .")
    if d.new_entities:
        lines += ["", "# Proposed new entities (not in data/entities.ttl): check the type, merge or delete.", ""]
        for iri, (kind, forms) in d.new_entities.items():
            alts = "".join(f" ;\n    skos:altLabel {lit(f)}@en" for f in forms[1:])
            lines.append(
                f"{_short_term('<' + iri + '>')} a kg:{kind} , kg:Draft ;\n    skos:prefLabel {lit(forms[0])}@en{alts} ."
            )
    if d.aliases:
        lines += ["", "# Proposed aliases: spellings that match a registry name only fuzzily.", ""]
        for iri, forms in sorted(d.aliases.items()):
            for f in sorted(forms):
                lines.append(f"{_short_term('<' + iri + '>')} skos:altLabel {lit(f)}@en .")
    if any(not ev.known for ev in d.events):
        lines += ["", "# Proposed events: merge with an existing event, correct or delete.", ""]
        for ev in (ev for ev in d.events if not ev.known):
            lines.append(
                f"{_short_term('<' + ev.iri + '>')} a kg:{ev.kind} , kg:Draft ;\n    skos:prefLabel {lit(ev.label)}@en ."
            )
    lines += ["", "# Evidence", ""]
    for s in d.sentences:
        lines.append(f"{_short_term('<' + s.evidence + '>')} a kg:Evidence ;")
        for m in s.mentions:
            how = "new entity" if m.how == "new" else m.how
            lines.append(
                f"    # name: {m.surface!r} -> {_short_term('<' + m.entity + '>')} ({how}{', title ' + repr(m.title) if m.title else ''})"
            )
        for m in s.references:
            named_in = _short_term("<" + m.how.split(" ", 1)[1] + ">")
            lines.append(f"    # refers: {m.surface!r} -> {_short_term('<' + m.entity + '>')} (named in {named_in})")
        for dm in s.dates:
            lines.append(f"    # date: {dm.describe()}")
        for ev in s.events:
            lines.append(
                f"    # event: {ev.kind} from {ev.cue!r}; status {ev.status}"
                + (f" from {ev.status_cue!r}" if ev.status_cue else " (no cue: tense and date)")
                + (f"; the registry's {_short_term('<' + ev.iri + '>')}" if ev.known else "")
            )
        lines.append(f"    kg:article art:{d.article_id} ;")
        lines.append(f"    kg:quote {lit(s.sentence.text)} ;")
        lines.append("    kg:supports")
        parts = []
        for subj, pred, obj, quals in s.claims:
            q = "".join(f" ; {_short_term(k)} {_short_term(v)}" for k, v in quals.items())
            parts.append(
                f"        [ a kg:Draft ; rdf:subject {_short_term(subj)} ; rdf:predicate {_short_term(pred)} ; "
                f"rdf:object {_short_term(obj)}{q} ]"
            )
        lines.append(" ,\n".join(parts) + " .")
        lines.append("")
    if d.unclaimed_dates:
        lines += ["# Dates in sentences that name nothing the draft can claim (a pronoun subject, say):", ""]
        for sentence, dates in d.unclaimed_dates:
            lines.append(f"# {sentence.text[:100]!r}{'…' if len(sentence.text) > 100 else ''}")
            lines += [f"#   date: {dm.describe()}" for dm in dates]
    return "\n".join(lines).rstrip() + "\n"


# ---------------------------------------------------------------- files


def default_output(project: Project, article: Path) -> Path:
    return project.data_dir / "claims" / f"{Path(article).stem}.draft.ttl"


def registry_files(project: Project, *, skip: set[str] = frozenset()) -> list[Path]:
    """The registry's files: data/entities.ttl and the curated claims files (their new entities), not drafts."""
    files = [project.data_dir / "entities.ttl"]
    files += [
        f
        for f in sorted((project.data_dir / "claims").glob("*.ttl"))
        if not f.name.endswith(".draft.ttl") and f.stem not in skip
    ]
    return [f for f in files if f.is_file()]


def write_draft(draft: Draft, out: Path, *, force: bool = False) -> Path:
    """Write ``draft`` to ``out`` atomically; refuse a curated claims file, and an existing draft unless ``force``."""
    out = Path(out)
    if not out.name.endswith(".draft.ttl"):
        raise KgError(
            f"{display_path(out)}: a draft is written only to a file ending in .draft.ttl.",
            "Curated claims files are never overwritten; pass -o NAME.draft.ttl.",
        )
    if out.exists() and not force:
        raise KgError(
            f"{display_path(out)}: a draft already exists.",
            "Review or remove it, or pass --force to replace it.",
        )
    text = draft.turtle()
    try:
        Graph().parse(data=text, format="turtle")
    except Exception as err:  # a bug in the writer: never leave a broken file behind
        raise KgError(f"the draft of {draft.article_id} is not valid Turtle ({err}).", "Report this bug.") from err
    return write_atomic(out, text)


__all__ = [
    "Draft",
    "Mention",
    "Registry",
    "default_output",
    "draft_article",
    "find_mentions",
    "load_registry",
    "read_article",
    "registry_from_graph",
    "registry_files",
    "split_sentences",
    "write_draft",
]
