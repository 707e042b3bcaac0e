"""Generate a synthetic but realistic project in the project's own vocabulary, for scale tests.

    python benchmarks/synth.py OUT_DIR --triples N [--seed S] [--violations K]

OUT_DIR becomes a complete project that ``kg build --root OUT_DIR`` (or ``KG_ROOT=OUT_DIR kg build``)
builds: the real ontology/kg.ttl and ontology/shapes.ttl, and generated data/entities.ttl,
data/articles.ttl, data/disagreements.ttl, data/claims/<article>.ttl and data/articles/<article>.txt.

Each synthetic article is a dated news text about countries, leaders and ministers (with their
offices at the article's date), bilateral meetings, phone calls, summits of multilateral bodies,
visits, 2+2 consultation rounds, agreements (parties, signatories, status, dates), defence
programmes (lead and partner countries, industrial partners, what they replace) and naval
deployments with port calls. Later articles report again on earlier events (a planned meeting
that took place or was called off, an agreement entering into force, a new programme partner);
a few contradict an earlier report, and data/disagreements.ttl records each contradiction as the
real data does. Every fact is a claim under a kg:Evidence whose kg:quote is a sentence of the
article's text file, verbatim.

The data conforms to the shapes (no violations, no warnings) except for the ``--violations K``
it plants on purpose, each on its own focus node and each of a shape from a fixed cycle; they are
listed in OUT_DIR/planted.json (focus IRI, shape as ``kg validate --format json`` names it,
constraint component). The same arguments always give byte-identical files. Turtle is written with
plain string formatting; the printed triple count is what ``kg.load.load`` asserts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

KG = "https://w3id.org/ijkg/ontology#"
ENT = "https://w3id.org/ijkg/id/"
EVD = "https://w3id.org/ijkg/evidence/"

PREFIXES = """\
@prefix kg:   <https://w3id.org/ijkg/ontology#> .
@prefix ent:  <https://w3id.org/ijkg/id/> .
@prefix art:  <https://w3id.org/ijkg/article/> .
@prefix evd:  <https://w3id.org/ijkg/evidence/> .
@prefix rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
"""

# key, name, adjective, leader title, capital, seat of government
COUNTRIES = [
    ("Italy", "Italy", "Italian", "Prime Minister", "Rome", "Palazzo Chigi"),
    ("Japan", "Japan", "Japanese", "Prime Minister", "Tokyo", "Kantei"),
    ("United_Kingdom", "United Kingdom", "British", "Prime Minister", "London", "10 Downing Street"),
    ("United_States", "United States", "American", "President", "Washington", "White House"),
    ("France", "France", "French", "President", "Paris", "Elysee Palace"),
    ("Germany", "Germany", "German", "Chancellor", "Berlin", "Federal Chancellery"),
    ("Spain", "Spain", "Spanish", "Prime Minister", "Madrid", "Moncloa Palace"),
    ("Canada", "Canada", "Canadian", "Prime Minister", "Ottawa", "Parliament Hill"),
    ("Australia", "Australia", "Australian", "Prime Minister", "Canberra", "Parliament House"),
    ("India", "India", "Indian", "Prime Minister", "New Delhi", "Hyderabad House"),
    ("South_Korea", "South Korea", "South Korean", "President", "Seoul", "Yongsan Office"),
    ("Indonesia", "Indonesia", "Indonesian", "President", "Jakarta", "Merdeka Palace"),
    ("Philippines", "Philippines", "Philippine", "President", "Manila", "Malacanang Palace"),
    ("Vietnam", "Vietnam", "Vietnamese", "Prime Minister", "Hanoi", "Presidential Palace of Hanoi"),
    ("Poland", "Poland", "Polish", "Prime Minister", "Warsaw", "Chancellery of the Prime Minister"),
    ("Netherlands", "Netherlands", "Dutch", "Prime Minister", "The Hague", "Catshuis"),
    ("Belgium", "Belgium", "Belgian", "Prime Minister", "Brussels", "Lambermont"),
    ("Sweden", "Sweden", "Swedish", "Prime Minister", "Stockholm", "Rosenbad"),
    ("Norway", "Norway", "Norwegian", "Prime Minister", "Oslo", "Inkognitogata 18"),
    ("Denmark", "Denmark", "Danish", "Prime Minister", "Copenhagen", "Marienborg"),
    ("Finland", "Finland", "Finnish", "Prime Minister", "Helsinki", "Kesaranta"),
    ("Greece", "Greece", "Greek", "Prime Minister", "Athens", "Maximos Mansion"),
    ("Portugal", "Portugal", "Portuguese", "Prime Minister", "Lisbon", "Sao Bento Palace"),
    ("Austria", "Austria", "Austrian", "Chancellor", "Vienna", "Ballhausplatz"),
    ("Czech_Republic", "Czech Republic", "Czech", "Prime Minister", "Prague", "Kramar Villa"),
    ("Romania", "Romania", "Romanian", "President", "Bucharest", "Cotroceni Palace"),
    ("Turkey", "Turkey", "Turkish", "President", "Ankara", "Presidential Complex"),
    ("Egypt", "Egypt", "Egyptian", "President", "Cairo", "Heliopolis Palace"),
    ("Kenya", "Kenya", "Kenyan", "President", "Nairobi", "State House Nairobi"),
    ("Nigeria", "Nigeria", "Nigerian", "President", "Abuja", "Aso Rock"),
    ("South_Africa", "South Africa", "South African", "President", "Pretoria", "Union Buildings"),
    ("Brazil", "Brazil", "Brazilian", "President", "Brasilia", "Planalto Palace"),
    ("Argentina", "Argentina", "Argentine", "President", "Buenos Aires", "Casa Rosada"),
    ("Mexico", "Mexico", "Mexican", "President", "Mexico City", "National Palace"),
    ("Chile", "Chile", "Chilean", "President", "Santiago", "La Moneda"),
    ("Thailand", "Thailand", "Thai", "Prime Minister", "Bangkok", "Government House of Thailand"),
    ("Malaysia", "Malaysia", "Malaysian", "Prime Minister", "Putrajaya", "Perdana Putra"),
    ("Singapore", "Singapore", "Singaporean", "Prime Minister", "Singapore City", "Istana"),
    ("New_Zealand", "New Zealand", "New Zealand", "Prime Minister", "Wellington", "Beehive"),
    ("United_Arab_Emirates", "United Arab Emirates", "Emirati", "President", "Abu Dhabi", "Qasr Al Watan"),
    ("Morocco", "Morocco", "Moroccan", "Prime Minister", "Rabat", "Royal Palace of Rabat"),
    ("Ukraine", "Ukraine", "Ukrainian", "President", "Kyiv", "Mariinskyi Palace"),
    ("Estonia", "Estonia", "Estonian", "Prime Minister", "Tallinn", "Stenbock House"),
    ("Lithuania", "Lithuania", "Lithuanian", "President", "Vilnius", "Presidential Palace of Vilnius"),
]

BODIES = [
    ("G7", "G7", ["Italy", "Japan", "United_Kingdom", "United_States", "France", "Germany", "Canada"]),
    (
        "G20",
        "G20",
        [
            "Italy",
            "Japan",
            "United_Kingdom",
            "United_States",
            "France",
            "Germany",
            "Canada",
            "Australia",
            "India",
            "South_Korea",
            "Indonesia",
            "Turkey",
            "Brazil",
            "Argentina",
            "Mexico",
            "South_Africa",
        ],
    ),
    (
        "NATO",
        "NATO",
        ["Italy", "United_Kingdom", "United_States", "France", "Germany", "Spain", "Canada", "Poland", "Netherlands"]
        + ["Belgium", "Norway", "Denmark", "Greece", "Portugal", "Czech_Republic", "Romania", "Turkey", "Estonia"],
    ),
    (
        "European_Union",
        "European Union",
        ["Italy", "France", "Germany", "Spain", "Poland", "Netherlands", "Belgium", "Sweden", "Denmark", "Finland"]
        + ["Greece", "Portugal", "Austria", "Czech_Republic", "Romania", "Estonia", "Lithuania"],
    ),
    ("ASEAN", "ASEAN", ["Indonesia", "Philippines", "Vietnam", "Thailand", "Malaysia", "Singapore"]),
]

REGIONS = [
    "Indo-Pacific",
    "Mediterranean",
    "South China Sea",
    "East China Sea",
    "Red Sea",
    "Gulf of Aden",
    "Baltic Sea",
    "Western Pacific",
    "Indian Ocean",
]

GIVEN = (
    "Marco Giulia Luca Chiara Paolo Elena Taro Yuki Hiroshi Akiko Kenji Emi James Sarah Thomas Anna Pierre "
    "Claire Jonas Lena Carlos Lucia Daniel Sofia Ahmed Amina Rahul Priya Minho Jiyeon Budi Sari Jose Maria "
    "Andrei Ioana Piotr Agnieszka Lars Ingrid Mikko Aino Nikos Eleni Joao Ines Jan Eva Tomas Petra Mehmet "
    "Ayse Omar Leila David Grace Samuel Ruth Felipe Camila Diego Valentina Arjun Mei Wei Hana Kai Noah Emma"
).split()
FAMILY = (
    "Rossi Bianchi Ferrari Esposito Romano Colombo Ricci Marino Greco Bruno Tanaka Suzuki Takahashi Watanabe "
    "Ito Yamamoto Nakamura Kobayashi Kato Yoshida Smith Jones Taylor Brown Wilson Martin Bernard Dubois "
    "Moreau Laurent Muller Schmidt Schneider Fischer Weber Garcia Fernandez Lopez Martinez Sanchez Kim Lee "
    "Park Choi Jung Santoso Wijaya Kowalski Nowak Wisniewski Jansen Peeters Andersson Johansson Hansen "
    "Nielsen Virtanen Korhonen Papadopoulos Silva Santos Novak Horvat Popescu Ionescu Yilmaz Kaya Hassan "
    "Mwangi Okafor Naidoo Pereira Gonzalez Rodriguez Sharma Patel Nguyen Tran Wong Tan Lim Rahman"
).split()
SYLLABLES = "ka ri to na mo se la vi ro be an ta shi mi ko ne lu sa te do ra ve li no za pe ki"

CODENAMES = (
    "Aquila Boreas Cirrus Dardo Eclipse Falco Galeone Halcyon Icarus Juno Kestrel Levante Maestrale Nimbus "
    "Orione Pegaso Quasar Rapace Sirio Tempesta Ulisse Vega Zefiro Astra Borea Corvo Delfino Etna Fulmine "
    "Grifone Hydra Iride Lince Mercurio Nettuno Ombra Perseo Scirocco Tritone Vulcano Sparviero Albatros "
    "Condor Sagitta Polaris Meridian Horizon Aurora Titan Atlas Cobalt Argo Lyra Draco Corona Vela Ara"
).split()
PROGRAMME_KINDS = [
    ("Combat Air Programme", "sixth-generation fighter"),
    ("Frigate Programme", "frigate"),
    ("Missile Programme", "long-range missile"),
    ("Trainer Programme", "advanced jet trainer"),
    ("Unmanned Aircraft Programme", "unmanned combat aircraft"),
    ("Submarine Programme", "patrol submarine"),
    ("Radar Programme", "air-defence radar"),
]
AIRCRAFT = (
    "Eurofighter Typhoon|Tornado|AMX|Harrier II|F-2|F-15J|Mirage 2000|F-16|Gripen C|Hawk T2|Rafale|"
    "Maestrale-class frigate|Abukuma-class destroyer escort|Storm Shadow|Type 23 frigate|Sauro-class submarine"
).split("|")
AGREEMENT_TOPICS = [
    ("Agreement on Defence Equipment and Technology Transfer", "Agreement"),
    ("Information Security Agreement", "Agreement"),
    ("Reciprocal Access Agreement", "Agreement"),
    ("Science and Technology Cooperation Agreement", "Agreement"),
    ("Strategic Partnership", "Partnership"),
    ("Memorandum on Energy Cooperation", "Memorandum"),
    ("Memorandum on Space Cooperation", "Memorandum"),
    ("Memorandum on Critical Minerals", "Memorandum"),
    ("Acquisition and Cross-Servicing Agreement", "Agreement"),
    ("Arrangement on Naval Cooperation", "Arrangement"),
    ("Arrangement on Pilot Training", "Arrangement"),
    ("Working Holiday Agreement", "Agreement"),
    ("Social Security Agreement", "Agreement"),
    ("Memorandum on Cyber Security", "Memorandum"),
]
SHIP_NAMES = (
    "Aurora Vittoria Fenice Ardito Sentinella Audace Coraggio Libeccio Grecale Orsa Stella Vigilante "
    "Kaga Izumo Hyuga Akizuki Kirisame Suzunami Asahi Shiranui Mogami Noshiro Kumano Yahagi Defender "
    "Diamond Dauntless Resolute Valiant Intrepid Liberty Endeavour Courage Triumph Venture Meteor Comet"
).split()
SHIP_PREFIX = {"Italy": "ITS", "Japan": "JS", "United_Kingdom": "HMS", "United_States": "USS", "France": "FS"}
COMPANIES = {
    "Italy": ["Leonardo", "Fincantieri", "Avio Aero", "Elettronica"],
    "Japan": ["Mitsubishi Heavy Industries", "Kawasaki Heavy Industries", "IHI Corporation", "Mitsubishi Electric"],
    "United_Kingdom": ["BAE Systems", "Rolls-Royce", "Babcock International"],
    "United_States": ["Lockheed Martin", "Northrop Grumman", "Raytheon"],
    "France": ["Dassault Aviation", "Thales", "Naval Group"],
    "Germany": ["Rheinmetall", "Hensoldt", "Thyssenkrupp Marine Systems"],
}
MONTHS = "January February March April May June July August September October November December".split()
ORDINALS = "first second third fourth fifth sixth seventh eighth ninth tenth".split()

START = dt.date(2015, 1, 5)
SPAN_DAYS = 12 * 365

#: The planted violations, in the order they cycle: (kind, node shape/path as the report names it, constraint).
PLANTS = [
    ("event_status_not_allowed", "kgsh:EventShape/kg:status", "InConstraintComponent"),
    ("conflicting_status", "kgsh:ConflictingStatusShape/kg:status", "MaxCountConstraintComponent"),
    ("agreement_without_party", "kgsh:AgreementShape/kg:party", "MinCountConstraintComponent"),
    ("nationality_not_country", "kgsh:PersonShape/kg:nationality", "ClassConstraintComponent"),
    ("short_quote", "kgsh:EvidenceShape/kg:quote", "MinLengthConstraintComponent"),
    ("conflicting_date", "kgsh:ConflictingDateShape/kg:date", "MaxCountConstraintComponent"),
    ("visit_without_destination", "kgsh:VisitShape/kg:destination", "MinCountConstraintComponent"),
]


def local(text: str) -> str:
    """A Turtle-safe local name for an entity IRI."""
    return re.sub(r"[^A-Za-z0-9_-]+", "_", text).strip("_")


def lit(text: str, lang: str | None = None) -> str:
    s = '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return s + "@" + lang if lang else s


def date_lit(d: dt.date, precision: str = "day") -> str:
    if precision == "year":
        return f'"{d.year:04d}"^^xsd:gYear'
    if precision == "month":
        return f'"{d.year:04d}-{d.month:02d}"^^xsd:gYearMonth'
    return f'"{d.isoformat()}"^^xsd:date'


#: A date literal as the generator writes it, which the build gives time bounds.
_DATED = re.compile(r'^"[^"]*"\^\^xsd:(date|gYearMonth|gYear)$')


def date_text(d: dt.date, precision: str = "day") -> str:
    if precision == "year":
        return str(d.year)
    if precision == "month":
        return f"{MONTHS[d.month - 1]} {d.year}"
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


@dataclass
class Country:
    key: str
    name: str
    adj: str
    leader_title: str
    capital: str
    seat: str
    cities: list[str] = field(default_factory=list)  # synthetic extra cities (labels)
    ships: list[str] = field(default_factory=list)
    companies: list[str] = field(default_factory=list)


@dataclass
class Event:
    iri: str
    cls: str
    date: dt.date
    precision: str
    status: str  # "Happened", "Planned", "Cancelled"
    label: str
    people: tuple[str, ...] = ()
    place: str | None = None  # entity IRI
    place_label: str | None = None
    closed: bool = False  # no more status follow-ups


@dataclass
class Article:
    idx: int
    stem: str
    date: dt.date
    sentences: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    declared: list[str] = field(default_factory=list)  # Turtle for events first reported here
    meeting: Event | None = None  # a leaders' meeting in this article, for outcomes
    text: str = ""
    headline: str = ""

    def head(self, text: str) -> None:
        """The article's title: the headline of its first story."""
        if not self.headline:
            self.headline = text


class Synth:
    def __init__(self, triples: int, seed: int, violations: int):
        self.target = triples
        self.seed = seed
        self.violations = violations
        self.rng = random.Random(seed)
        self.count = 0
        self.facts: set[tuple[str, str, str]] = set()
        self.entities: list[str] = []
        self.declared: set[str] = set()
        self.introduced: set[str] = set()
        self.labels: set[str] = set()
        self.articles: list[Article] = []
        self.articles_ttl: list[str] = []
        self.disagreements: list[str] = []
        self.events: list[Event] = []
        self.agreements: list[dict] = []
        self.programmes: list[dict] = []
        self.people: dict[tuple, tuple[str, str]] = {}  # (country, office key, term) -> (iri, name)
        self.name_pool = [f"{g} {f}" for g in GIVEN for f in FAMILY]
        self.rng.shuffle(self.name_pool)
        self.counter = 0
        self.claims = 0
        self.planted: list[dict] = []
        # The world grows with the size: more countries, cities and ships for larger graphs.
        n_countries = max(8, min(len(COUNTRIES), 8 + triples // 25000))
        self.countries = [Country(*c) for c in COUNTRIES[:n_countries]]
        self.by_key = {c.key: c for c in self.countries}
        extra_cities = 1 + min(6, triples // 150000)
        for c in self.countries:
            c.cities = [self.city_name() for _ in range(extra_cities)]
            prefix = SHIP_PREFIX.get(c.key, "")
            names = self.rng.sample(SHIP_NAMES, 3)
            c.ships = [(prefix + " " + n).strip() for n in names]
            c.companies = COMPANIES.get(c.key) or [
                f"{c.adj} Aerospace Industries",
                f"{c.adj} Naval Systems",
                f"{c.adj} Defence Electronics",
            ]
        self.bodies = [(k, lbl, [m for m in members if m in self.by_key]) for k, lbl, members in BODIES]
        self.bodies = [b for b in self.bodies if len(b[2]) >= 3]
        self.memberships: set[tuple[str, str]] = set()
        self.rounds: dict[str, int] = {}

    # --- names ---------------------------------------------------------------

    def city_name(self) -> str:
        syl = SYLLABLES.split()
        while True:
            name = "".join(self.rng.choice(syl) for _ in range(self.rng.choice((2, 3)))).capitalize()
            if name not in self.labels:
                self.labels.add(name)
                return name

    def next_id(self) -> int:
        self.counter += 1
        return self.counter

    # --- counting and writing ------------------------------------------------

    def entity(self, iri: str, cls: str, label: str, alt: list[str] | None = None) -> str:
        """Declare a registry entity in data/entities.ttl the first time it is used."""
        if iri not in self.declared:
            self.declared.add(iri)
            line = f"{iri} a kg:{cls} ; skos:prefLabel {lit(label, 'en')}"
            for a in alt or ():
                line += f" ; skos:altLabel {lit(a, 'en')}"
            self.entities.append(line + " .")
            self.count += 2 + len(alt or ())
        return iri

    def declare_event(self, art: Article, ev: Event) -> None:
        art.declared.append(f"{ev.iri} a kg:{ev.cls} ;\n    skos:prefLabel {lit(ev.label, 'en')} .")
        self.declared.add(ev.iri)
        self.count += 2
        self.events.append(ev)

    def say(self, art: Article, sentence: str, claims: list[tuple]) -> str:
        """Add ``sentence`` to the article and an evidence node quoting it that supports ``claims``.

        Each claim is (subject, predicate, object) or (subject, predicate, object, {qualifier: value}).
        """
        art.sentences.append(sentence)
        evd = f"evd:{art.idx:05d}-{len(art.evidence) + 1:02d}"
        parts = []
        seen = set()
        for c in claims:
            s, p, o = c[:3]
            quals = c[3] if len(c) > 3 else {}
            if (s, p, o) in seen:
                continue
            seen.add((s, p, o))
            text = f"[ rdf:subject {s} ; rdf:predicate {p} ; rdf:object {o}"
            for q, v in quals.items():
                text += f" ; {q} {v}"
            parts.append(text + " ]")
            self.count += 5 + len(quals)
            if _DATED.match(o) or _DATED.match(quals.get("kg:pointInTime", "")):
                self.count += 3  # the build adds kg:earliest, kg:latest and kg:precision (kg.timebounds)
            if (s, p, o) not in self.facts:
                self.facts.add((s, p, o))
                self.count += 1
        self.claims += len(parts)
        art.evidence.append(
            f"{evd} a kg:Evidence ;\n    kg:article art:{art.stem} ;\n    kg:quote {lit(sentence)} ;\n"
            "    kg:supports\n        " + " ,\n        ".join(parts) + " ."
        )
        self.count += 3
        return evd

    # --- the world: countries, places, offices, people, organisations ----------

    def country(self, art: Article, c: Country) -> str:
        return self.entity(f"ent:{c.key}", "Country", c.name)

    def city(self, art: Article, c: Country, label: str) -> str:
        iri = f"ent:{local(label)}" if label == c.capital else f"ent:{local(label)}_{c.key}"
        self.entity(iri, "City", label)
        if iri not in self.introduced:
            self.introduced.add(iri)
            cc = self.country(art, c)
            if label == c.capital:
                self.say(art, f"{label} is the capital of {c.name}.", [(iri, "kg:locatedIn", cc)])
            else:
                self.say(art, f"{label} is a port city in {c.name}.", [(iri, "kg:locatedIn", cc)])
        return iri

    def seat(self, art: Article, c: Country) -> str:
        iri = f"ent:{local(c.seat)}"
        self.entity(iri, "Building", c.seat)
        if iri not in self.introduced:
            cap = self.city(art, c, c.capital)
            self.introduced.add(iri)
            self.say(
                art, f"{c.seat} is the seat of the {c.adj} government in {c.capital}.", [(iri, "kg:locatedIn", cap)]
            )
        return iri

    def office(self, art: Article, c: Country, kind: str) -> tuple[str, str]:
        """The office ``kind`` ("leader", "defence", "foreign") of ``c``: its IRI and title."""
        if kind == "leader":
            title, cls = f"{c.leader_title} of {c.name}", "LeaderOffice"
        elif kind == "defence":
            title, cls = f"Defence Minister of {c.name}", "OfficialOffice"
        else:
            title, cls = f"Foreign Minister of {c.name}", "OfficialOffice"
        iri = f"ent:{local(title)}"
        self.entity(iri, cls, title)
        if iri not in self.introduced:
            self.introduced.add(iri)
            self.say(
                art,
                f"The office of {title} belongs to the government of {c.name}.",
                [(iri, "kg:officeOf", self.country(art, c))],
            )
        return iri, title

    def person(self, art: Article, c: Country, kind: str, when: dt.date) -> tuple[str, str, list[tuple]]:
        """Who held office ``kind`` of ``c`` at ``when``: IRI, name, and the claims saying so at the article's date."""
        offset = COUNTRIES.index(next(x for x in COUNTRIES if x[0] == c.key)) % 3
        term = (when.year - START.year + offset) // (3 if kind == "leader" else 2)
        key = (c.key, kind, term)
        if key not in self.people:
            name = self.name_pool.pop()
            self.people[key] = (f"ent:{local(name)}", name)
            self.entity(f"ent:{local(name)}", "Person", name, [name.split()[-1]])
        iri, name = self.people[key]
        office, _ = self.office(art, c, kind)
        claims = [
            (iri, "kg:heldOffice", office, {"kg:pointInTime": date_lit(art.date)}),
            (iri, "kg:nationality", self.country(art, c)),
        ]
        return iri, name, claims

    def company(self, art: Article, c: Country, label: str) -> str:
        iri = f"ent:{local(label)}"
        self.entity(iri, "Company", label)
        if iri not in self.introduced:
            self.introduced.add(iri)
            self.say(
                art, f"{label} is a defence company based in {c.name}.", [(iri, "kg:country", self.country(art, c))]
            )
        return iri

    def navy(self, art: Article, c: Country) -> tuple[str, str]:
        label = f"{c.adj} Navy"
        iri = f"ent:{local(label)}"
        self.entity(iri, "ArmedForce", label)
        if iri not in self.introduced:
            self.introduced.add(iri)
            self.say(art, f"The {label} is the naval service of {c.name}.", [(iri, "kg:country", self.country(art, c))])
        return iri, label

    def ship(self, art: Article, c: Country, label: str) -> str:
        iri = f"ent:{local(label)}_{c.key}"
        self.entity(iri, "Ship", label)
        if iri not in self.introduced:
            self.introduced.add(iri)
            self.say(art, f"The {label} is a ship of the {c.adj} Navy.", [(iri, "kg:country", self.country(art, c))])
        return iri

    def body(self, art: Article, key: str, label: str) -> str:
        return self.entity(f"ent:{key}", "MultilateralBody", label)

    def member(self, art: Article, c: Country, key: str, label: str) -> None:
        if (c.key, key) not in self.memberships:
            self.memberships.add((c.key, key))
            self.say(
                art,
                f"{c.name} is a member of the {label}.",
                [(self.country(art, c), "kg:memberOf", self.body(art, key, label))],
            )

    # --- stories -------------------------------------------------------------

    def pair(self) -> tuple[Country, Country]:
        """Two countries; Italy or Japan in most stories, as in the real articles."""
        r = self.rng.random()
        if r < 0.3:
            a, b = self.by_key["Italy"], self.by_key["Japan"]
        elif r < 0.75:
            a = self.by_key[self.rng.choice(("Italy", "Japan"))]
            b = self.rng.choice([c for c in self.countries if c is not a])
        else:
            a, b = self.rng.sample(self.countries, 2)
        return (a, b) if self.rng.random() < 0.5 else (b, a)

    def when(self, art: Article) -> tuple[dt.date, str, str]:
        """An event date near the article's date: past (happened) or future (planned), with a precision."""
        if self.rng.random() < 0.75:
            d = art.date - dt.timedelta(days=self.rng.randint(0, 40))
            return d, "day", "Happened"
        d = art.date + dt.timedelta(days=self.rng.randint(20, 200))
        return d, self.rng.choice(("day", "month", "month")), "Planned"

    def story_meeting(self, art: Article) -> None:
        a, b = self.pair()
        d, prec, status = self.when(art)
        pa, na, ca = self.person(art, a, "leader", art.date)
        pb, nb, cb = self.person(art, b, "leader", art.date)
        if status == "Happened":
            place = self.seat(art, a)
            place_label = a.seat
        else:
            place = self.city(art, a, a.capital)
            place_label = a.capital
        ev = Event(
            f"ent:Meeting_{d.isoformat()}_{local(na.split()[-1])}_{local(nb.split()[-1])}_{self.next_id()}",
            "Meeting",
            d,
            prec,
            status,
            f"Meeting of {na} and {nb}, {date_text(d, prec)}",
            (na, nb),
            place,
            place_label,
        )
        self.declare_event(art, ev)
        base = [
            (ev.iri, "kg:host", pa),
            (ev.iri, "kg:participant", pa),
            (ev.iri, "kg:participant", pb),
            (ev.iri, "kg:location", place),
            (ev.iri, "kg:date", date_lit(d, prec)),
            (ev.iri, "kg:status", f"kg:{status}"),
        ]
        ta, tb = f"{a.adj} {a.leader_title}", f"{b.adj} {b.leader_title.lower()}"
        if status == "Happened":
            sentence = f"The {ta} {na} welcomed the {tb} {nb} at {place_label} on {date_text(d)}."
        else:
            sentence = f"The {ta} {na} will receive the {tb} {nb} in {place_label} in {date_text(d, prec)}."
        self.say(art, sentence, base + ca + cb)
        art.head(f"{a.name} and {b.name}: leaders {'meet' if status == 'Happened' else 'to meet'} in {place_label}")
        art.meeting = ev
        if self.rng.random() < 0.5:
            self.say(
                art,
                f"{na} and {nb} are counterparts as heads of their governments.",
                [(pa, "kg:counterpart", pb)],
            )
        topics = self.programmes[-20:] + self.agreements[-20:]
        if topics:
            t = self.rng.choice(topics)
            self.say(art, f"The two leaders also discussed the {t['label']}.", [(ev.iri, "kg:topic", t["iri"])])
        if self.rng.random() < 0.3:
            self.say(
                art,
                f"{a.name} and {b.name} described each other as strategic partners.",
                [(self.country(art, a), "kg:strategicPartner", self.country(art, b))],
            )

    def story_call(self, art: Article) -> None:
        a, b = self.pair()
        pa, na, ca = self.person(art, a, "leader", art.date)
        pb, nb, cb = self.person(art, b, "leader", art.date)
        d = art.date - dt.timedelta(days=self.rng.randint(0, 10))
        ev = Event(
            f"ent:PhoneCall_{d.isoformat()}_{local(na.split()[-1])}_{local(nb.split()[-1])}_{self.next_id()}",
            "PhoneCall",
            d,
            "day",
            "Happened",
            f"Phone call between {na} and {nb}, {date_text(d)}",
            (na, nb),
        )
        self.declare_event(art, ev)
        art.head(f"{na} and {nb} speak by phone")
        self.say(
            art,
            f"{na}, the {a.leader_title} of {a.name}, spoke by telephone with {nb} of {b.name} on {date_text(d)}.",
            [
                (ev.iri, "kg:participant", pa),
                (ev.iri, "kg:participant", pb),
                (ev.iri, "kg:date", date_lit(d)),
                (ev.iri, "kg:status", "kg:Happened"),
            ]
            + ca
            + cb,
        )

    def story_summit(self, art: Article) -> None:
        key, label, members = self.rng.choice(self.bodies)
        host = self.by_key[self.rng.choice(members)]
        body = self.body(art, key, label)
        d, prec, status = self.when(art)
        city = self.city(art, host, host.capital)
        ev = Event(
            f"ent:Summit_{d.isoformat()}_{key}_{self.next_id()}",
            "Summit",
            d,
            prec,
            status,
            f"{label} summit in {host.capital}, {date_text(d, prec)}",
            (),
            city,
            host.capital,
        )
        self.declare_event(art, ev)
        verb = "met" if status == "Happened" else "will meet"
        on = "on" if prec == "day" else "in"
        art.head(f"{label} summit in {host.capital}")
        self.say(
            art,
            f"Leaders of the {label} {verb} in {host.capital} {on} {date_text(d, prec)} for their summit.",
            [
                (ev.iri, "kg:participant", body),
                (ev.iri, "kg:location", city),
                (ev.iri, "kg:date", date_lit(d, prec)),
                (ev.iri, "kg:status", f"kg:{status}"),
            ],
        )
        self.say(
            art,
            f"{host.name} holds the presidency of the {label} in {art.date.year}.",
            [(self.country(art, host), "kg:chairs", body, {"kg:pointInTime": f'"{art.date.year}"^^xsd:gYear'})],
        )
        attending = self.rng.sample(members, min(len(members), self.rng.randint(3, 5)))
        names, claims = [], []
        for k in attending:
            c = self.by_key[k]
            self.member(art, c, key, label)
            p, n, cl = self.person(art, c, "leader", art.date)
            names.append(f"{n} of {c.name}")
            claims += [(ev.iri, "kg:participant", p)] + cl
        who = ", ".join(names[:-1]) + " and " + names[-1]
        self.say(art, f"Among the leaders {'attending' if status == 'Happened' else 'expected'} were {who}.", claims)
        if status == "Happened" and len(attending) >= 2:
            a, b = self.by_key[attending[0]], self.by_key[attending[1]]
            pa, na, _ = self.person(art, a, "leader", art.date)
            pb, nb, _ = self.person(art, b, "leader", art.date)
            side = Event(
                f"ent:Meeting_{d.isoformat()}_{local(na.split()[-1])}_{local(nb.split()[-1])}_{self.next_id()}",
                "Meeting",
                d,
                "day",
                "Happened",
                f"Meeting of {na} and {nb} at the {label} summit, {date_text(d)}",
                (na, nb),
                city,
                host.capital,
            )
            self.declare_event(art, side)
            self.say(
                art,
                f"On the sidelines of the summit on {date_text(d)}, {na} held talks with {nb}.",
                [
                    (side.iri, "kg:participant", pa),
                    (side.iri, "kg:participant", pb),
                    (side.iri, "kg:partOf", ev.iri),
                    (side.iri, "kg:date", date_lit(d)),
                    (side.iri, "kg:location", city),
                    (side.iri, "kg:status", "kg:Happened"),
                ],
            )

    def story_visit(self, art: Article) -> None:
        a, b = self.pair()
        kind = self.rng.choice(("defence", "foreign"))
        pa, na, ca = self.person(art, a, kind, art.date)
        pb, nb, cb = self.person(art, b, kind, art.date)
        d, prec, status = self.when(art)
        cap = self.city(art, b, b.capital)
        dest = self.country(art, b)
        visit = Event(
            f"ent:Visit_{d.isoformat()}_{local(na.split()[-1])}_{b.key}_{self.next_id()}",
            "Visit",
            d,
            prec,
            status,
            f"Visit of {na} to {b.name}, {date_text(d, prec)}",
            (na,),
            dest,
            b.name,
        )
        self.declare_event(art, visit)
        title = "Defence Minister" if kind == "defence" else "Foreign Minister"
        if status == "Happened":
            s = f"The {a.adj} {title} {na} travelled to {b.name} on {date_text(d)} for talks with his counterpart {nb}."
        else:
            s = f"The {a.adj} {title} {na} is expected to travel to {b.name} in {date_text(d, 'month')} to meet {nb}."
        vclaims = [
            (visit.iri, "kg:visitor", pa),
            (visit.iri, "kg:destination", dest),
            (visit.iri, "kg:date", date_lit(d, prec if status == "Happened" else "month")),
            (visit.iri, "kg:status", f"kg:{status}"),
            (pa, "kg:counterpart", pb),
        ]
        visit.precision = prec if status == "Happened" else "month"
        self.say(art, s, vclaims + ca + cb)
        art.head(f"{a.adj} {title.lower()} {'visits' if status == 'Happened' else 'to visit'} {b.name}")
        if status == "Happened":
            m = Event(
                f"ent:Meeting_{d.isoformat()}_{local(na.split()[-1])}_{local(nb.split()[-1])}_{self.next_id()}",
                "Meeting",
                d,
                "day",
                "Happened",
                f"Meeting of {na} and {nb} in {b.capital}, {date_text(d)}",
                (na, nb),
                cap,
                b.capital,
            )
            self.declare_event(art, m)
            self.say(
                art,
                f"The two ministers met in {b.capital} on {date_text(d)}, where {nb} hosted the talks.",
                [
                    (m.iri, "kg:host", pb),
                    (m.iri, "kg:participant", pa),
                    (m.iri, "kg:participant", pb),
                    (m.iri, "kg:location", cap),
                    (m.iri, "kg:partOf", visit.iri),
                    (m.iri, "kg:date", date_lit(d)),
                    (m.iri, "kg:status", "kg:Happened"),
                ],
            )

    def story_consultation(self, art: Article) -> None:
        a, b = self.pair()
        name = f"{a.name}-{b.name} 2+2 consultation mechanism"
        init = self.entity(f"ent:{a.key}-{b.key}_2plus2", "Initiative", name, ["2+2"])
        rounds = self.rounds.get(init, 0)
        self.rounds[init] = rounds + 1
        d, prec, status = self.when(art)
        city = self.city(art, a, a.capital)
        ev = Event(
            f"ent:Consultation_{a.key}-{b.key}_{rounds + 1}_{self.next_id()}",
            "Meeting",
            d,
            prec,
            status,
            f"Round {rounds + 1} of the {name}",
            (),
            city,
            a.capital,
        )
        self.declare_event(art, ev)
        art.head(f"{a.name} and {b.name} hold 2+2 talks")
        nth = ORDINALS[rounds] if rounds < len(ORDINALS) else f"{rounds + 1}th"
        verb = "held" if status == "Happened" else "will hold"
        on = "on" if prec == "day" else "in"
        self.say(
            art,
            f"The foreign and defence ministers of {a.name} and {b.name} {verb} the {nth} round of their 2+2 "
            f"consultations in {a.capital} {on} {date_text(d, prec)}.",
            [
                (ev.iri, "kg:instanceOf", init),
                (ev.iri, "kg:participant", self.country(art, a)),
                (ev.iri, "kg:participant", self.country(art, b)),
                (ev.iri, "kg:location", city),
                (ev.iri, "kg:date", date_lit(d, prec)),
                (ev.iri, "kg:status", f"kg:{status}"),
            ],
        )

    def story_agreement(self, art: Article) -> None:
        a, b = self.pair()
        topic, cls = self.rng.choice(AGREEMENT_TOPICS)
        label = f"{a.name}-{b.name} {topic}"
        if label in self.labels:
            label = f"{label} of {art.date.year}"
            if label in self.labels:
                return
        self.labels.add(label)
        iri = self.entity(f"ent:{local(label)}", cls, label)
        ca_, cb_ = self.country(art, a), self.country(art, b)
        d = art.date - dt.timedelta(days=self.rng.randint(0, 30))
        art.head(f"{a.name} and {b.name} sign {topic.lower()}")
        record = {"iri": iri, "label": label, "signed": None, "in_force": False}
        if self.rng.random() < 0.7:
            kind = self.rng.choice(("defence", "foreign"))
            pa, na, cla = self.person(art, a, kind, art.date)
            pb, nb, clb = self.person(art, b, kind, art.date)
            self.say(
                art,
                f"{a.name} and {b.name} signed the {label} on {date_text(d)}.",
                [
                    (iri, "kg:party", ca_),
                    (iri, "kg:party", cb_),
                    (iri, "kg:agreementStatus", "kg:Signed"),
                    (iri, "kg:signedDate", date_lit(d)),
                ],
            )
            self.say(
                art,
                f"The agreement was signed by {na} and {nb}.",
                [(iri, "kg:signatory", pa), (iri, "kg:signatory", pb)] + cla + clb,
            )
            record["signed"] = d
        else:
            self.say(
                art,
                f"{a.name} and {b.name} agreed to conclude the {label}.",
                [(iri, "kg:party", ca_), (iri, "kg:party", cb_), (iri, "kg:agreementStatus", "kg:Agreed")],
            )
        if art.meeting is not None and art.meeting.status == "Happened":
            self.say(
                art,
                f"The {label} was one of the outcomes of the meeting.",
                [(art.meeting.iri, "kg:outcome", iri), (iri, "kg:announcedAt", art.meeting.iri)],
            )
        self.agreements.append(record)

    def story_programme(self, art: Article) -> None:
        code = self.rng.choice(CODENAMES)
        kind, product = self.rng.choice(PROGRAMME_KINDS)
        label = f"{code} {kind}"
        n = 2
        while label in self.labels:
            label = f"{code} {n} {kind}"
            n += 1
        self.labels.add(label)
        iri = self.entity(f"ent:{local(label)}", "DefenceProgramme", label, [f"{code}"])
        a, b = self.pair()
        others = [c for c in self.countries if c is not a and c is not b]
        partners = [a, b] + (self.rng.sample(others, 1) if self.rng.random() < 0.5 else [])
        start = art.date.year - self.rng.randint(0, 2)
        names = ", ".join(c.name for c in partners[:-1]) + " and " + partners[-1].name
        art.head(f"{names} launch the {label}")
        claims = [(iri, "kg:leadCountry", self.country(art, a))]
        claims += [(iri, "kg:partnerCountry", self.country(art, c)) for c in partners]
        claims += [(iri, "kg:startDate", f'"{start}"^^xsd:gYear')]
        self.say(
            art,
            f"{names} launched the {label} in {start}, led by {a.name}, to develop a new {product}.",
            claims,
        )
        comps = [self.company(art, c, self.rng.choice(c.companies)) for c in partners]
        comp_labels = [c.split(":", 1)[1].replace("_", " ") for c in comps]
        self.say(
            art,
            f"The industrial partners of the {label} are "
            + ", ".join(comp_labels[:-1])
            + " and "
            + comp_labels[-1]
            + ".",
            [(iri, "kg:industrialPartner", c) for c in comps],
        )
        old = self.rng.choice(AIRCRAFT)
        old_iri = self.entity(f"ent:{local(old)}", "Aircraft", old)
        in_service = start + self.rng.randint(8, 14)
        self.say(
            art,
            f"The new {product} of the {label} is meant to replace the {old} and to enter service in {in_service}.",
            [(iri, "kg:replaces", old_iri), (iri, "kg:operationalDate", f'"{in_service}"^^xsd:gYear')],
        )
        if self.programmes and self.rng.random() < 0.15:
            prev = self.rng.choice(self.programmes)
            if prev["iri"] != iri and not prev.get("merged"):
                prev["merged"] = True
                self.say(
                    art,
                    f"The {label} absorbs the earlier {prev['label']}.",
                    [(iri, "kg:mergerOf", prev["iri"]), (prev["iri"], "kg:mergedInto", iri)],
                )
        self.programmes.append({"iri": iri, "label": label, "partners": [c.key for c in partners]})

    def story_deployment(self, art: Article) -> None:
        a = (
            self.by_key[self.rng.choice(("Italy", "Japan"))]
            if self.rng.random() < 0.6
            else self.rng.choice(self.countries)
        )
        navy, navy_label = self.navy(art, a)
        ship_label = self.rng.choice(a.ships)
        ship = self.ship(art, a, ship_label)
        region = self.rng.choice(REGIONS)
        reg = self.entity(f"ent:{local(region)}", "Region", region)
        d, prec, status = self.when(art)
        months = self.rng.randint(2, 7)
        dep = Event(
            f"ent:Deployment_{d.isoformat()}_{local(ship_label)}_{self.next_id()}",
            "NavalDeployment",
            d,
            prec,
            status,
            f"Deployment of {ship_label} to the {region}, {date_text(d, prec)}",
            (),
            reg,
            region,
        )
        self.declare_event(art, dep)
        art.head(f"{ship_label} deploys to the {region}")
        verb = "left" if status == "Happened" else "will leave"
        on = "on" if prec == "day" else "in"
        self.say(
            art,
            f"The {navy_label} ship {ship_label} {verb} for a {months}-month deployment to the {region} {on} {date_text(d, prec)}.",
            [
                (dep.iri, "kg:participant", navy),
                (dep.iri, "kg:ship", ship),
                (dep.iri, "kg:destination", reg),
                (dep.iri, "kg:startDate", date_lit(d, prec)),
                (dep.iri, "kg:duration", f'"P{months}M"^^xsd:duration'),
                (dep.iri, "kg:status", f"kg:{status}"),
            ],
        )
        host = self.rng.choice([c for c in self.countries if c is not a])
        port_label = self.rng.choice(host.cities)
        port = self.city(art, host, port_label)
        pd = d + dt.timedelta(days=self.rng.randint(20, 60))
        pstatus = "Happened" if status == "Happened" and pd <= art.date else "Planned"
        pc = Event(
            f"ent:PortCall_{pd.isoformat()}_{local(ship_label)}_{self.next_id()}",
            "PortCall",
            pd,
            "month",
            pstatus,
            f"Port call of {ship_label} at {port_label}, {date_text(pd, 'month')}",
            (),
            port,
            port_label,
        )
        self.declare_event(art, pc)
        verb = "called" if pstatus == "Happened" else "is due to call"
        self.say(
            art,
            f"During the deployment the {ship_label} {verb} at {port_label} in {host.name} in {date_text(pd, 'month')}.",
            [
                (pc.iri, "kg:ship", ship),
                (pc.iri, "kg:location", port),
                (pc.iri, "kg:partOf", dep.iri),
                (pc.iri, "kg:date", date_lit(pd, "month")),
                (pc.iri, "kg:status", f"kg:{pstatus}"),
            ],
        )

    def story_followup(self, art: Article) -> None:
        """Report again on an earlier event, agreement or programme."""
        r = self.rng.random()
        if r < 0.25 and self.agreements:
            g = self.rng.choice(self.agreements)
            if g["signed"] and not g["in_force"] and g["signed"] < art.date:
                g["in_force"] = True
                d = g["signed"] + (art.date - g["signed"]) // 2
                self.say(
                    art,
                    f"The {g['label']} entered into force on {date_text(d)}.",
                    [(g["iri"], "kg:agreementStatus", "kg:InForce"), (g["iri"], "kg:inForceDate", date_lit(d))],
                )
                return
        if r < 0.4 and self.programmes:
            p = self.rng.choice(self.programmes)
            new = [c for c in self.countries if c.key not in p["partners"]]
            if new:
                c = self.rng.choice(new)
                p["partners"].append(c.key)
                self.say(
                    art,
                    f"{c.name} joined the {p['label']} as a partner in {art.date.year}.",
                    [(p["iri"], "kg:partnerCountry", self.country(art, c))],
                )
                return
        candidates = [e for e in self.events[-400:] if not e.closed and e.date < art.date and e.cls != "PortCall"]
        if not candidates:
            return
        ev = self.rng.choice(candidates)
        kind = {"Meeting": "meeting", "PhoneCall": "phone call", "Summit": "summit", "Visit": "visit"}.get(
            ev.cls, "deployment"
        )
        what = f"the {kind} of {' and '.join(ev.people)}" if ev.people else f"the {ev.label}"
        if ev.status == "Planned":
            if self.rng.random() < 0.8:
                ev.status = "Happened"
                self.say(
                    art,
                    f"As planned, {what} took place on {date_text(ev.date)}.",
                    [(ev.iri, "kg:status", "kg:Happened"), (ev.iri, self.date_prop(ev), date_lit(ev.date))],
                )
            else:
                ev.closed = True
                self.say(art, f"In the end, {what} was called off.", [(ev.iri, "kg:status", "kg:Cancelled")])
        elif ev.status == "Happened" and self.rng.random() < 0.08:
            # A later article contradicts an earlier one; record the disagreement, as the real data does.
            ev.closed = True
            evd = self.say(
                art,
                f"Contrary to earlier reports, {what} never took place.",
                [(ev.iri, "kg:status", "kg:Cancelled")],
            )
            self.disagreements.append(
                f"ent:Disagreement_{local(ev.iri.split(':', 1)[1])} a kg:Disagreement ;\n"
                f"    kg:about {ev.iri} ;\n    kg:onProperty kg:status ;\n"
                f"    rdfs:comment {lit(f'An earlier article reports {what} as held; article {art.stem} ({evd}) says it never took place.', 'en')} ."
            )
            self.count += 4
        else:
            claims = [(ev.iri, "kg:status", f"kg:{ev.status}")]
            where = ""
            if ev.place and ev.cls != "NavalDeployment":
                prop = "kg:destination" if ev.cls == "Visit" else "kg:location"
                claims.append((ev.iri, prop, ev.place))
                where = f" in {ev.place_label}"
            self.say(art, f"Observers recalled {what}{where} in {date_text(ev.date, 'month')}.", claims)

    @staticmethod
    def date_prop(ev: Event) -> str:
        return "kg:startDate" if ev.cls == "NavalDeployment" else "kg:date"

    STORIES = (
        ("meeting", 5),
        ("call", 1),
        ("summit", 1),
        ("visit", 3),
        ("consultation", 1),
        ("agreement", 2),
        ("programme", 1),
        ("deployment", 1),
        ("followup", 4),
    )

    # --- articles ----------------------------------------------------------------

    def new_article(self, idx: int, date: dt.date) -> Article:
        digest = hashlib.sha256(f"{self.seed}:{idx}".encode()).hexdigest()[:16]
        return Article(idx, f"{idx % 1000:03d}_{digest}", date)

    def write_article(self, art: Article, title: str, dateline_city: str) -> None:
        self.articles.append(art)
        paragraphs = []
        for i in range(0, len(art.sentences), 3):
            paragraphs.append(" ".join(art.sentences[i : i + 3]))
        art.text = f"{title}\n\n{dateline_city}, {date_text(art.date)}\n\n" + "\n\n".join(paragraphs) + "\n"
        self.articles_ttl.append(
            f"art:{art.stem} a kg:Article ;\n    kg:fileName {lit(art.stem + '.txt')} ;\n"
            f"    dcterms:title {lit(title)} ;\n    kg:publicationDate {date_lit(art.date)} ;\n"
            f"    kg:dateMethod {lit(f'Dateline: {dateline_city}, {date_text(art.date)}.')} ."
        )
        self.count += 5

    def generate(self) -> None:
        names, weights = zip(*self.STORIES, strict=True)
        per_article = 190  # asserted triples per article, roughly, to spread the dates
        n_est = max(1, self.target // per_article)
        step = SPAN_DAYS / n_est
        idx = 0
        while self.count < self.target - 150 or idx == 0:
            date = START + dt.timedelta(days=int(idx * step))
            art = self.new_article(idx, date)
            for _ in range(self.rng.randint(2, 4)):
                story = self.rng.choices(names, weights)[0]
                getattr(self, f"story_{story}")(art)
            if not art.sentences:
                self.story_meeting(art)
            self.write_article(
                art,
                art.headline or "News in brief",
                self.rng.choice(["Rome", "Tokyo", "Brussels", "London", "Singapore"]),
            )
            idx += 1
        for k in range(self.violations):
            art = self.new_article(idx, START + dt.timedelta(days=int(idx * step)))
            self.plant(art, k)
            self.write_article(art, "Planted", "Nowhere")
            idx += 1

    # --- planted violations --------------------------------------------------------

    def plant(self, art: Article, k: int) -> None:
        kind, shape, constraint = PLANTS[k % len(PLANTS)]
        n = self.next_id()
        italy, japan = self.by_key["Italy"], self.by_key["Japan"]
        pa, na, ca = self.person(art, italy, "leader", art.date)
        pb, nb, cb = self.person(art, japan, "leader", art.date)
        d = art.date
        focus = None

        def meeting(label: str) -> Event:
            ev = Event(f"ent:Planted_{kind}_{n}", "Meeting", d, "day", "Happened", label, (na, nb))
            self.declare_event(art, ev)
            return ev

        if kind == "event_status_not_allowed":
            ev = meeting(f"Planted meeting {n}")
            self.say(
                art,
                f"{na} and {nb} met for the planted meeting number {n}, which was signed.",
                [(ev.iri, "kg:participant", pa), (ev.iri, "kg:participant", pb), (ev.iri, "kg:status", "kg:Signed")],
            )
            focus = ev.iri
        elif kind == "conflicting_status":
            ev = meeting(f"Planted meeting {n}")
            self.say(
                art,
                f"{na} and {nb} held the planted meeting number {n}.",
                [(ev.iri, "kg:participant", pa), (ev.iri, "kg:participant", pb), (ev.iri, "kg:status", "kg:Happened")],
            )
            self.say(art, f"The planted meeting number {n} was cancelled.", [(ev.iri, "kg:status", "kg:Cancelled")])
            focus = ev.iri
        elif kind == "conflicting_date":
            ev = meeting(f"Planted meeting {n}")
            self.say(
                art,
                f"{na} and {nb} held the planted meeting number {n} on {date_text(d)}.",
                [
                    (ev.iri, "kg:participant", pa),
                    (ev.iri, "kg:participant", pb),
                    (ev.iri, "kg:status", "kg:Happened"),
                    (ev.iri, "kg:date", date_lit(d)),
                ],
            )
            other = d.replace(year=d.year + 1)
            self.say(
                art,
                f"Another source dates the planted meeting number {n} to {date_text(other)}.",
                [(ev.iri, "kg:date", date_lit(other))],
            )
            focus = ev.iri
        elif kind == "agreement_without_party":
            iri = self.entity(f"ent:Planted_Agreement_{n}", "Agreement", f"Planted agreement {n}")
            self.say(art, f"The planted agreement number {n} was agreed.", [(iri, "kg:agreementStatus", "kg:Agreed")])
            focus = iri
        elif kind == "nationality_not_country":
            iri = self.entity(f"ent:Planted_Person_{n}", "Person", f"Planted Person {n}")
            city = self.city(art, italy, italy.capital)
            self.say(art, f"Planted Person {n} is a citizen of Rome.", [(iri, "kg:nationality", city)])
            focus = iri
        elif kind == "short_quote":
            evd = self.say(
                art, "Italy ties.", [(self.country(art, italy), "kg:strategicPartner", self.country(art, japan))]
            )
            focus = evd
        elif kind == "visit_without_destination":
            ev = Event(f"ent:Planted_{kind}_{n}", "Visit", d, "day", "Happened", f"Planted visit {n}", (na,))
            self.declare_event(art, ev)
            self.say(
                art,
                f"{na} made the planted visit number {n}.",
                [(ev.iri, "kg:visitor", pa), (ev.iri, "kg:status", "kg:Happened")],
            )
            focus = ev.iri
        prefix, name = focus.split(":", 1)
        full = {"ent": ENT, "evd": EVD}[prefix] + name
        self.planted.append({"kind": kind, "focus": full, "shape": shape, "constraint": constraint})

    # --- output ------------------------------------------------------------------

    def write(self, out: Path) -> None:
        (out / "ontology").mkdir(parents=True)
        for name in ("kg.ttl", "shapes.ttl"):
            shutil.copyfile(REPO / "ontology" / name, out / "ontology" / name)
        data = out / "data"
        (data / "claims").mkdir(parents=True)
        (data / "articles").mkdir()
        header = "# Generated by benchmarks/synth.py: synthetic data for scale tests, not real facts.\n\n"
        (data / "entities.ttl").write_text(PREFIXES + "\n" + header + "\n".join(self.entities) + "\n", encoding="utf-8")
        (data / "articles.ttl").write_text(
            PREFIXES + "\n" + header + "\n\n".join(self.articles_ttl) + "\n", encoding="utf-8"
        )
        (data / "disagreements.ttl").write_text(
            PREFIXES + "\n" + header + "\n\n".join(self.disagreements) + "\n", encoding="utf-8"
        )
        for art in self.articles:
            body = PREFIXES + "\n"
            if art.declared:
                body += "# New entities\n\n" + "\n\n".join(art.declared) + "\n\n"
            body += "# Claims\n\n" + "\n\n".join(art.evidence) + "\n"
            (data / "claims" / f"{art.stem}.ttl").write_text(body, encoding="utf-8")
            (data / "articles" / f"{art.stem}.txt").write_text(art.text, encoding="utf-8")
        manifest = {
            "generator": "benchmarks/synth.py",
            "seed": self.seed,
            "requested_triples": self.target,
            "asserted_triples": self.count,
            "articles": len(self.articles),
            "claims": self.claims,
            "violations": self.planted,
        }
        (out / "planted.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


def generate(out: str | Path, triples: int, seed: int = 0, violations: int = 0) -> dict:
    """Write a synthetic project to ``out`` and return its manifest (also in ``out/planted.json``)."""
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        if not (out / "planted.json").is_file():
            raise SystemExit(f"synth: {out} is not empty and was not made by synth.py; choose another folder.")
        for part in ("ontology", "data", "out"):
            shutil.rmtree(out / part, ignore_errors=True)
        (out / "planted.json").unlink()
    synth = Synth(triples, seed, violations)
    synth.generate()
    synth.write(out)
    return json.loads((out / "planted.json").read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the project to (created; reused if made by synth.py)")
    parser.add_argument("--triples", type=int, required=True, help="asserted triples to aim for, roughly")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--violations", type=int, default=0, help="shape violations to plant (listed in planted.json)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    m = generate(args.out, args.triples, args.seed, args.violations)
    print(
        f"wrote {args.out}: {m['asserted_triples']} asserted triples, {m['articles']} articles, {m['claims']} claims, "
        f"{len(m['violations'])} planted violations ({time.perf_counter() - started:.1f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
