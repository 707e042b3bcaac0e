"""Dates in article text: the article's own date, and every date expression resolved against it.

:func:`find_article_date` looks for a dateline (``01/14/2026 | Press release``), a copyright
line (``Copyright © 2024``) or, failing those, the latest full date in the text (the article
is then dated to that month). :func:`find_dates` finds the date expressions of a sentence
("on Monday", "last July", "a month ago", "late last year", "in March of this year",
"15-17 January", "in 2023") and resolves each at the precision the text allows, never
finer than the article's own date. Parsing of weekdays, "N units ago" and full dates is
left to ``dateparser``; months without a year, seasons, parts of a year, decades and day
ranges are resolved here, because dateparser has no notion of them. Nothing is guessed:
an expression that cannot be resolved keeps a note saying why.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

_XSD = "http://www.w3.org/2001/XMLSchema#"
_KG = "https://w3id.org/ijkg/ontology#"
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_SEASON = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (1, 2)}
_PART = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
_NUM = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "several": None, "few": None}
_NUM.update({"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12})
_COUNT = r"(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)"
_SPAN_UNIT = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "Y"}
_FUTURE = re.compile(
    r"\b(will|shall|plans? to|planned|scheduled|upcoming|to be held|is set to|are set to|is expected to|next|coming"
    r"|ahead of|in view of|to prepare|in preparation for)\b",
    re.I,
)
#: How far into the text a full date counts as the article's own (title, byline, photo caption).
HEAD = 1000
_RANK = {"day": 0, "month": 1, "season": 2, "year": 2, "decade": 3}


@dataclass(frozen=True)
class ArticleDate:
    """The article's date (``value`` YYYY, YYYY-MM or YYYY-MM-DD, or None), its precision and how it was found."""

    value: str | None
    precision: str | None
    method: str

    @property
    def term(self) -> str:
        return _term(self.value, self.precision)

    @property
    def day(self) -> date | None:
        """The article's date as a day (its first day when only the month or year is known)."""
        if not self.value:
            return None
        parts = [int(p) for p in self.value.split("-")] + [1, 1]
        return date(parts[0], parts[1], parts[2])

    @property
    def latest_iso(self) -> str:
        return _bounds(self.value, self.precision)[1] if self.value else ""


def _term(value: str, precision: str) -> str:
    dtype = {"day": "date", "month": "gYearMonth"}.get(precision, "gYear")
    return f'"{value}"^^<{_XSD}{dtype}>'


def _bounds(value: str, precision: str) -> tuple[str, str]:
    parts = [int(p) for p in value.split("-")]
    y = parts[0]
    if precision == "day":
        return value, value
    if precision == "month":
        m = parts[1]
        return f"{y:04d}-{m:02d}-01", f"{y:04d}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}"
    if precision == "decade":
        return f"{y:04d}-01-01", f"{y + 9:04d}-12-31"
    return f"{y:04d}-01-01", f"{y:04d}-12-31"


def bounds(value: str) -> tuple[str, str] | None:
    """The first and last day of an ``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear`` lexical form."""
    precision = {4: "year", 7: "month", 10: "day"}.get(len(value))
    if precision is None or not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        return None
    try:
        return _bounds(value, precision)
    except ValueError:
        return None


def _parse(phrase: str, base: datetime, prefer: str = "past"):
    """dateparser's reading of ``phrase`` relative to ``base``: (date, period) or None."""
    from dateparser.date import DateDataParser

    parser = DateDataParser(
        languages=["en"],
        settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": prefer, "RETURN_TIME_AS_PERIOD": True},
    )
    data = parser.get_date_data(phrase)
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), data.period


def is_date_text(text: str) -> bool:
    """Whether ``text`` is a real YYYY, YYYY-MM or YYYY-MM-DD date (not 2024-02-30 or 2024-13)."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text)
    if not m:
        return False
    year, month, day = (int(g) if g else None for g in m.groups())
    if month is not None and not 1 <= month <= 12:
        return False
    return day is None or 1 <= day <= calendar.monthrange(year, month)[1]


def find_article_date(text: str, *, given: str | None = None) -> ArticleDate:
    """The article's date and how it was found (see the module docstring); ``given`` wins when set."""
    if given:
        if not is_date_text(given):
            from kg.errors import UsageError

            raise UsageError(f"--date {given!r}: not a date.", "Give YYYY, YYYY-MM or YYYY-MM-DD.")
        precision = {4: "year", 7: "month", 10: "day"}[len(given)]
        return ArticleDate(given, precision, f"Given on the command line (kg draft --date {given}).")
    head = text[:400]
    m = re.search(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\b.*$", head, re.M)
    if m:
        month, day, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]:
            line = m.group(0).strip()
            return ArticleDate(f"{year:04d}-{month:02d}-{day:02d}", "day", f"Dateline: '{line}'.")
    m = re.search(rf"^\s*(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}})\b.*$", head, re.M)
    if m:
        found = _parse(m.group(0).split("|")[0].strip()[:30], datetime(2000, 1, 1))
        if found and found[1] == "day":
            return ArticleDate(found[0].isoformat(), "day", f"Dateline: '{m.group(0).strip()}'.")
    m = re.search(r"(?:Copyright|©)\s*(?:©\s*)?((?:19|20)\d{2})\b[^\n]*", text)
    if m:
        return ArticleDate(
            m.group(1),
            "year",
            f"Copyright line: '{m.group(0).strip()}' gives the year only, so relative dates resolve to years.",
        )
    latest = None
    # Only the head of the text (title, byline, photo caption): a full date deep in the body is an event's.
    for m in re.finditer(
        rf"\b({_MONTH})\s+(\d{{1,2}}),?\s+((?:19|20)\d{{2}})\b|\b(\d{{1,2}})\s+({_MONTH})\s+((?:19|20)\d{{2}})\b",
        text[:HEAD],
    ):
        phrase = m.group(0)
        found = _parse(phrase, datetime(2000, 1, 1))
        if found and found[1] == "day" and (latest is None or found[0] > latest[0]):
            latest = (found[0], phrase)
    if latest:
        d, phrase = latest
        return ArticleDate(
            f"{d.year:04d}-{d.month:02d}",
            "month",
            f"No dateline or copyright line. The latest full date in the head of the text (its first {HEAD} "
            f"characters: title, byline, caption) is '{phrase}'; the article is dated to its month. Check it.",
        )
    return ArticleDate(
        None,
        None,
        "Not found: the text has no dateline, copyright line or full date in its head, so relative dates stay "
        "unresolved. "
        "Give the date with kg draft --date if another source has it.",
    )


@dataclass
class DateMention:
    """A date expression in a sentence and what it resolves to (``value`` None when it cannot be)."""

    phrase: str
    start: int
    value: str | None
    precision: str | None
    relative: bool
    note: str = ""
    end_value: str | None = None
    earliest: str | None = None
    latest: str | None = None
    #: A span of time the phrase gives, as an xsd:duration ("after two years": P2Y, "a five-month
    #: deployment": P5M); such a mention has no date (``value`` None).
    duration: str | None = None

    @property
    def term(self) -> str:
        return _term(self.value, "year" if self.precision in ("season", "decade") else self.precision)

    @property
    def end_term(self) -> str:
        return _term(self.end_value, self.precision)

    def bound_terms(self) -> dict[str, str]:
        """kg:precision, kg:earliest and kg:latest where the text is narrower or wider than the datatype."""
        if self.precision not in ("season", "decade"):
            return {}
        name = {"season": "SeasonPrecision", "decade": "DecadePrecision"}[self.precision]
        out = {f"<{_KG}precision>": f"<{_KG}{name}>"}
        if self.precision == "season":
            out[f"<{_KG}earliest>"] = f'"{self.earliest}"^^<{_XSD}date>'
            out[f"<{_KG}latest>"] = f'"{self.latest}"^^<{_XSD}date>'
        return out

    def qualifiers(self, *, end: bool = False) -> dict[str, str]:
        from rdflib import Literal

        return {f"<{_KG}resolvedFrom>": Literal(self.phrase).n3(), **self.bound_terms()}

    def describe(self) -> str:
        if self.duration:
            return f"{self.phrase!r} -> {self.duration} (a span of time, xsd:duration)"
        if self.value is None:
            return f"{self.phrase!r} unresolved: {self.note}"
        value = self.value + (f" to {self.end_value}" if self.end_value else "")
        bounds = f", {self.earliest} to {self.latest}" if self.precision == "season" else ""
        note = f"; {self.note}" if self.note else ""
        return f"{self.phrase!r} -> {value} ({self.precision}{bounds}){note}"


# The patterns, most specific first; a span taken by one is not matched again.
_PATTERNS: list[tuple[str, str]] = [
    ("range", rf"\b(?:[Oo]n\s+)?(?:the\s+)?(\d{{1,2}})\s*[-–]\s*(\d{{1,2}})\s+({_MONTH})(?:\s+((?:19|20)\d{{2}}))?"),
    (
        "range_md",
        rf"\b(?:[Oo]n\s+|[Ff]rom\s+)?({_MONTH})\s+(\d{{1,2}})\s*[-–]\s*(\d{{1,2}})(?:,?\s+((?:19|20)\d{{2}}))?",
    ),
    ("part_rel", r"\b(early|mid|late)[- ](last|this|next) year\b"),
    ("part_year", r"\b(?:in\s+)?(early|mid|late)[- ]((?:19|20)\d{2})\b"),
    ("season_rel", r"\b(last|this|next|past) (spring|summer|autumn|fall|winter)\b"),
    (
        "season_of",
        r"\b(?:[Ii]n\s+)?(?:the\s+)?(spring|summer|autumn|fall|winter) of ((?:19|20)\d{2}|last year|this year|next year)\b",
    ),
    ("month_of", rf"\b(?:[Ii]n\s+|[Bb]y\s+)?({_MONTH})\s+of\s+(this|last|next) year\b"),
    ("full_mdy", rf"\b(?:[Oo]n\s+)?({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{{2}})\b"),
    (
        "full_dmy",
        rf"\b(?:[Oo]n\s+)?(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})\s+((?:19|20)\d{{2}})\b",
    ),
    ("numeric", r"\b(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})\b"),
    ("month_year", rf"\b(?:[Ii]n\s+|[Bb]y\s+|[Ss]ince\s+)?({_MONTH})\s+((?:19|20)\d{{2}})\b"),
    ("month_day", rf"\b(?:[Oo]n\s+)?({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*[-–,]?\s*\d)"),
    ("day_month", rf"\b(?:[Oo]n\s+)?(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})\b"),
    ("rel_month", rf"\b(last|next|this)\s+({_MONTH})\b"),
    ("weekday", rf"\b(?:[Oo]n\s+|[Ll]ast\s+|[Nn]ext\s+|[Tt]his\s+)?({_WEEKDAY})\b"),
    ("ago", r"\b(?:[Oo]nly\s+)?(a|an|one|two|three|four|five|six|\d+)\s+(day|week|month|year)s?\s+ago\b"),
    ("coming", r"\b(?:[Ii]n\s+)?the\s+(coming|next|following)\s+(?:few\s+)?(days|weeks|months|years|decade)\b"),
    (
        "last_n",
        r"\b(?:[Oo]ver|[Ii]n|[Dd]uring|[Ff]or)\s+the\s+(?:last|past)\s+(two|three|four|five|six|\d+)\s+(years|months)\b",
    ),
    ("anaphor", r"\b(?:[Aa]t\s+|[Oo]f\s+|[Oo]n\s+|[Bb]y\s+|[Ii]n\s+)?(?:that|the\s+same)\s+(day|time|year|month)\b"),
    # "the then minister of economic development": the office as it was at the time of the date before.
    ("anaphor", r"\b[Tt]he\s+(then)\b(?=[\s-]+[a-z])"),
    # Spans of time (xsd:duration): "after two years", "for over three years", "a five-month deployment",
    # and "in N years" after "first" ("the first visit in 27 years").
    (
        "span",
        rf"\b(?:[Aa]fter|[Ff]or|[Ii]n)\s+(?:over\s+|about\s+|nearly\s+|almost\s+|more\s+than\s+|some\s+)?"
        rf"{_COUNT}\s+(day|week|month|year|decade)s?\b(?!\s+ago)",
    ),
    ("span_adj", rf"\b(?:[Aa]n?\s+)?{_COUNT}[- ](day|week|month|year)(?:[- ]long)?(?=\s+[a-z])"),
    ("this_unit", r"\b(this|last|next|past)\s+(week|month|year)(?:['’]s)?\b"),
    ("deictic", r"\b([Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight)\b"),
    ("month", rf"\b(?:[Ii]n\s+|[Ss]ince\s+|[Bb]y\s+|[Uu]ntil\s+)?({_MONTH})\b"),
    ("year", r"\b(?:[Ii]n\s+|[Ss]ince\s+|[Bb]y\s+|[Uu]ntil\s+|[Ff]rom\s+)?((?:19|20)\d{2})\b(?!\s*[-–/]\s*\d)"),
]
_COMPILED = [(name, re.compile(rx, re.I)) for name, rx in _PATTERNS]


def find_dates(sentence: str, article: ArticleDate, *, previous: DateMention | None = None) -> list[DateMention]:
    """Every date expression of ``sentence``, resolved against ``article`` (see the module docstring).

    ``previous`` is the last resolved date before the sentence: "that day", "at that time", "that
    year" refer to it, at its precision (coarser for "that year", "that month").
    """
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    future = bool(_FUTURE.search(sentence))
    for name, rx in _COMPILED:
        for m in rx.finditer(sentence):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if name == "month" and not _month_alone_ok(sentence, m):
                continue
            if name == "span" and m.group(0).lower().startswith("in") and "first" not in sentence[: m.start()].lower():
                continue  # "in two years" is a date ahead, unless it closes "the first ... in"
            if name == "span_adj" and m.group(1).lower() in ("a", "an"):
                continue  # "a year-long": no number
            mention = _anaphor(m, previous) if name == "anaphor" else _resolve(name, m, article, future)
            if mention is None:
                continue
            taken.append((m.start(), m.end()))
            out.append(mention)
    out.sort(key=lambda d: d.start)
    return out


def _month_alone_ok(sentence: str, m: re.Match) -> bool:
    """A bare month name is a date unless it is the verb "may" or "March" as a word of a name."""
    word = m.group(1)
    if not word[0].isupper():
        return False
    if word.rstrip(".").lower() in ("may", "mar", "jan", "jun", "jul", "aug", "oct", "dec", "sep", "nov", "feb", "apr"):
        # "in May", "since May": a preposition makes it a month; so does an article ("the May summit"),
        # which the verb "may" never follows.
        return m.group(0) != word or bool(re.search(r"\bthe\s+$", sentence[: m.start()], re.I))
    return True


def _anaphor(m: re.Match, previous: DateMention | None) -> DateMention:
    """ "that day", "at that time", "that year": the previous date of the text, no finer than the unit named."""
    phrase = m.group(0)
    if previous is None or not previous.value:
        return DateMention(phrase, m.start(), None, None, True, "refers to an earlier date, and none was found")
    unit = m.group(1).lower()
    if unit == "then":
        unit = "year"  # "the then minister": the office in the year of the date before
    value, precision = previous.value, previous.precision
    if unit == "year" or (unit == "month" and precision == "day"):
        keep = 4 if unit == "year" else 7
        value, precision = value[:keep], "year" if unit == "year" else "month"
    if precision in ("season", "decade"):
        precision = "year"
    lo, hi = _bounds(value, precision)
    note = f"the date of '{previous.phrase}' before it"
    return DateMention(phrase, m.start(), value, precision, True, note, None, lo, hi)


def _cap(precision: str, article: ArticleDate) -> str:
    """The finer of the text's precision and the article's (a day cannot be known from a year-only article)."""
    if article.precision and _RANK[precision] < _RANK[article.precision]:
        return article.precision
    return precision


def _resolve(name: str, m: re.Match, article: ArticleDate, future: bool) -> DateMention | None:
    phrase = m.group(0)
    base = article.day
    g = tuple(x.lower() if x else x for x in m.groups())

    def absolute(value: str, precision: str, end: str | None = None) -> DateMention:
        lo, hi = _bounds(value, precision)
        return DateMention(phrase, m.start(), value, precision, False, end_value=end, earliest=lo, latest=hi)

    def relative(value: str | None, precision: str | None, note: str = "", end: str | None = None, season=None):
        if value is None:
            return DateMention(phrase, m.start(), None, None, True, note or _no_date(article))
        lo, hi = season or _bounds(value, "year" if precision == "season" else precision)
        return DateMention(phrase, m.start(), value, precision, True, note, end, lo, hi)

    def month_year(month: int, year: int) -> tuple[str, str]:
        return f"{year:04d}-{month:02d}", "month"

    # Absolute dates: the year is written.
    if name == "full_mdy":
        d = _safe_date(int(g[2]), MONTHS[g[0].rstrip(".").lower()], int(g[1]))
        return absolute(d.isoformat(), "day") if d else None
    if name == "full_dmy":
        d = _safe_date(int(g[2]), MONTHS[g[1].rstrip(".").lower()], int(g[0]))
        return absolute(d.isoformat(), "day") if d else None
    if name == "numeric":
        d = _safe_date(int(g[2]), int(g[0]), int(g[1]))
        return absolute(d.isoformat(), "day") if d else None
    if name in ("span", "span_adj"):
        n = int(g[0]) if g[0].isdigit() else _NUM[g[0]]
        unit = g[1]
        if unit == "week":  # xsd:duration has no weeks
            n, unit = 7 * n, "day"
        if unit == "decade":
            n = 10 * n
        return DateMention(phrase, m.start(), None, None, True, "a span of time", duration=f"P{n}{_SPAN_UNIT[unit]}")
    if name == "month_year":
        return absolute(f"{int(g[1]):04d}-{MONTHS[g[0].rstrip('.').lower()]:02d}", "month")
    if name == "year":
        return absolute(g[0], "year")
    if name == "part_year":
        y = int(g[1])
        lo, hi = _PART[g[0]]
        season = (f"{y:04d}-{lo:02d}-01", f"{y:04d}-{hi:02d}-{calendar.monthrange(y, hi)[1]:02d}")
        mention = absolute(str(y), "season")
        mention.earliest, mention.latest = season
        return mention
    if name in ("range", "range_md"):
        if name == "range":
            d1, d2, mon, year = int(g[0]), int(g[1]), MONTHS[g[2].rstrip(".").lower()], g[3]
        else:
            mon, d1, d2, year = MONTHS[g[0].rstrip(".").lower()], int(g[1]), int(g[2]), g[3]
        if year:
            a, b = _safe_date(int(year), mon, d1), _safe_date(int(year), mon, d2)
            return absolute(a.isoformat(), "day", b.isoformat()) if a and b else None
        if base is None:
            return relative(None, None)
        y = _year_for_month(mon, article, future, None)
        if article.precision == "year":
            value, prec = month_year(mon, y)
            return relative(value, prec, "the article's date is known to the year only")
        a, b = _safe_date(y, mon, d1), _safe_date(y, mon, d2)
        return relative(a.isoformat(), "day", end=b.isoformat()) if a and b else None

    # Relative dates: resolved against the article's date.
    if base is None:
        return relative(None, None)
    year = base.year
    if name == "part_rel":
        y = year + {"last": -1, "this": 0, "next": 1}[g[1]]
        lo, hi = _PART[g[0]]
        season = (f"{y:04d}-{lo:02d}-01", f"{y:04d}-{hi:02d}-{calendar.monthrange(y, hi)[1]:02d}")
        return relative(str(y), "season", season=season)
    if name in ("season_rel", "season_of"):
        which, season_name = (g[0], g[1]) if name == "season_rel" else (g[1], g[0])
        lo, hi = _SEASON[season_name]
        if which and which[0].isdigit():
            y = int(which)
        elif which in ("last", "past", "last year"):
            y = year - 1 if which == "last year" or article.precision == "year" or base.month <= hi else year
        elif which in ("next", "next year"):
            y = year + 1 if which == "next year" or base.month >= lo else year
        else:
            y = year
        if which in ("last", "past") and article.precision == "year":
            return relative(None, None, "the article's date is known to the year only, so the last season is unknown")
        season = (f"{y:04d}-{lo:02d}-01", f"{y:04d}-{hi:02d}-{calendar.monthrange(y, hi)[1]:02d}")
        return relative(str(y), "season", season=season)
    if name == "month_of":
        mon = MONTHS[g[0].rstrip(".").lower()]
        y = year + {"last": -1, "this": 0, "next": 1}[g[1]]
        return relative(*month_year(mon, y))
    if name in ("month_day", "day_month"):
        mon_word, day = (g[0], int(g[1])) if name == "month_day" else (g[1], int(g[0]))
        mon = MONTHS[mon_word.rstrip(".").lower()]
        y = _year_for_month(mon, article, future, None)
        if article.precision == "year":
            return relative(*month_year(mon, y), "the article's date is known to the year only")
        d = _safe_date(y, mon, day)
        return relative(d.isoformat(), "day") if d else None
    if name in ("rel_month", "month"):
        which = g[0].lower() if name == "rel_month" else None
        mon = MONTHS[(g[1] if name == "rel_month" else g[0]).rstrip(".").lower()]
        if which == "this":
            return relative(*month_year(mon, year))
        if article.precision == "year" and which in ("last", "next"):
            return relative(None, None, "the article's date is known to the year only, so the month's year is unknown")
        y = _year_for_month(mon, article, future, which)
        return relative(*month_year(mon, y))
    if name == "weekday":
        if article.precision != "day":
            return relative(str(year), "year", "the article's date is not known to the day")
        prefer = "future" if future or phrase.lower().startswith("next") else "past"
        found = _parse(g[0], datetime(base.year, base.month, base.day), prefer)
        return relative(found[0].isoformat(), "day") if found else None
    if name == "deictic":
        word = g[0].lower()
        if article.precision != "day":
            return relative(str(year), "year", "the article's date is not known to the day")
        shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
        return relative((base + timedelta(days=shift)).isoformat(), "day")
    if name == "ago":
        n = _NUM.get(g[0].lower(), None) if not g[0].isdigit() else int(g[0])
        unit = g[1]
        if n is None:
            return relative(None, None, "the number of units is not given")
        precision = {"day": "day", "week": "day", "month": "month", "year": "year"}[unit]
        if article.precision != "day" and unit in ("day", "week"):
            return relative(None, None, "the article's date is not known to the day")
        if article.precision == "year" and unit == "month":
            return relative(None, None, "the article's date is known to the year only, so the month is unknown")
        found = _parse(f"{n} {unit}{'s' if n > 1 else ''} ago", datetime(base.year, base.month, base.day))
        if not found:
            return None
        d = found[0]
        value = {"day": d.isoformat(), "month": f"{d.year:04d}-{d.month:02d}", "year": f"{d.year:04d}"}[precision]
        return relative(value, precision, "about" if unit != "day" else "")
    if name == "last_n":
        n = int(g[0]) if g[0].isdigit() else _NUM[g[0]]
        if g[1] == "years":
            return relative(str(year - n), "year", "the start of the period")
        if article.precision == "year":
            return relative(None, None, "the article's date is known to the year only, so the month is unknown")
        mon = base.month - n
        return relative(*month_year((mon - 1) % 12 + 1, year + (mon - 1) // 12), "the start of the period")
    if name == "this_unit":
        which, unit = g[0].lower(), g[1]
        shift = {"this": 0, "last": -1, "past": -1, "next": 1}[which]
        if unit == "year":
            return relative(str(year + shift), "year")
        if unit == "month":
            if article.precision == "year":
                if shift == 0:
                    return relative(str(year), "year", "the article's date is known to the year only")
                return relative(None, None, "the article's date is known to the year only, so the month is unknown")
            mon = base.month + shift
            y = year + (mon - 1) // 12
            return relative(*month_year((mon - 1) % 12 + 1, y))
        if article.precision == "year":
            return relative(str(year), "year", "the article's date is known to the year only")
        d = base + timedelta(weeks=shift)
        return relative(f"{d.year:04d}-{d.month:02d}", "month", "a week, given to its month")
    if name == "coming":
        unit = g[1]
        if unit == "decade":
            start = (year // 10 + (1 if g[0] in ("next", "coming", "following") else 0)) * 10
            mention = relative(str(start), "decade")
            return mention
        if unit in ("days", "weeks"):
            if article.precision == "year":
                return relative(str(year), "year")
            return relative(f"{year:04d}-{base.month:02d}", "month", "the coming days, given to the article's month")
        if unit == "months":
            return relative(str(year), "year", "the coming months, given to the article's year")
        return relative(None, None, "years ahead: no single date")
    return None


def _no_date(article: ArticleDate) -> str:
    return "the article's date is not known (kg draft --date gives it)"


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _year_for_month(month: int, article: ArticleDate, future: bool, which: str | None) -> int:
    """The year of a month named without one: the last such month for 'last' or a past sentence,
    the next for 'next' or a future one, the article's year when only the year is known."""
    base = article.day
    if article.precision == "year":
        return base.year
    if which == "last":
        return base.year if month < base.month else base.year - 1
    if which == "next":
        return base.year if month > base.month else base.year + 1
    if future:
        return base.year if month >= base.month else base.year + 1
    return base.year if month <= base.month else base.year - 1


__all__ = ["ArticleDate", "DateMention", "bounds", "find_article_date", "find_dates"]
