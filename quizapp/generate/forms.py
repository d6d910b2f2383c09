"""Forming a question from a clause: front the wh-phrase with inversion or do-support,
or, when no clean question can be formed, a cloze item ("Fill in the blank: …").

Both take the clause as (before, target, after) in the article's own words.
"""

from __future__ import annotations

import regex as re

from quizapp.generate.clauses import DATELINE as _DATELINE
from quizapp.generate.cloze import BLANK, make_cloze
from quizapp.generate.verbs import (
    AUXILIARIES,
    PAST_TO_BASE,
    base_of_past,
    base_of_present,
    has_verb,
)

MAX_WORDS = 30
MIN_CLOZE_WORDS = 5
_PREPS = frozenset(
    [
        "in",
        "since",
        "until",
        "till",
        "before",
        "after",
        "by",
        "during",
        "from",
        "around",
        "through",
        "throughout",
        "at",
        "on",
        "of",
        "for",
        "with",
        "to",
        "between",
        "among",
        "over",
        "under",
    ]
)
# Words that make the number part of a noun phrase ("the 2019 election", "a $5 budget").
_DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "its",
        "their",
        "his",
        "her",
        "our",
        "this",
        "that",
        "these",
        "those",
        "every",
        "each",
        "some",
        "any",
        "no",
        "another",
    ]
)
_LOWER_FIRST = _DETERMINERS | frozenset(
    [
        "many",
        "most",
        "all",
        "both",
        "nearly",
        "about",
        "more",
        "fewer",
        "almost",
        "only",
        "several",
        "few",
    ]
)
_PRONOUNS = frozenset(
    ["he", "she", "it", "they", "we", "i", "you", "this", "these", "those", "that", "there", "one"]
)
_ATTRIBUTION = re.compile(r"^(?:per|according to|as reported by|citing)\b", re.I)
_CONNECTIVE = re.compile(
    r"^(?:however|yet|but|and|so|still|also|instead|meanwhile|moreover|furthermore"
    r"|nevertheless|nonetheless|indeed|besides|thus|hence|for (?:instance|example)"
    r"|in addition|even so|in fact|of course|after all|by contrast|in contrast|similarly"
    r"|likewise|separately|additionally|then)\b,?\s+",
    re.I,
)
_MID_CONNECTIVE = re.compile(r",\s+(?:though|however|too|of course|for example|for instance),")
# Complex temporal heads: "by the end of 2024", "in the spring of 1990", "early in 2019".
_PP_HEAD = re.compile(
    r"(?:\b(?:in|by|since|until|before|after|during|from|at|around|through)\s+)"
    r"(?:(?:the\s+)?(?:end|start|beginning|middle|spring|summer|autumn|fall|winter"
    r"|first\s+half|second\s+half|first\s+quarter|course)\s+of\s+)?$",
    re.I,
)
_WORD = re.compile(r"[\w'’$%.,-]*\w")
_RELATIVE = re.compile(r"(?:which|who)(?=\s)")
# "… a conference of the Republican Governors Association": the name a "which" refers to.
_NAME_AT_END = re.compile(r"\s(?:the\s)?\p{Lu}[\p{L}.'’-]*(?:\s(?:of\s)?\p{Lu}[\p{L}.'’-]*)*$")
_FRONTED = re.compile(
    r"(?:despite|although|though|while|as|when|because|with|without|after|before|in|on|at|by"
    r"|for|since|during|according|under|amid|unlike|like|last|this|next|earlier|later)\b",
    re.I,
)
_CONJUNCT = re.compile(
    r"[,;]?\s(?:and|but|as|while|because|when|where|which|who|that|after|before)\s"
)
_RELATIVE_ASIDE = re.compile(r",\s+(?:who|which)\s[^,]{3,80},")
_DASH = re.compile(r"\s[—–-]{1,2}\s")
_SENTENCE_END = re.compile(r"(?<!\b\p{Lu}|\b(?:Mr|Mrs|Ms|Dr|St|No|vs?))[.!?][\"”']?\s+(?=\p{Lu})")
_ADVERBIAL = re.compile(
    r"(?:in|on|at|by|since|until|before|after|during|from|last|this|next|earlier|later"
    r"|yesterday|today|on|over|within|for|under|as of)\b",
    re.I,
)
_SPEECH = re.compile(
    r"\b(?:said|says|told|announced|reported|added|noted|stated|estimated|wrote|argued"
    r"|claimed|predicted|explained|confirmed|believes|believed|thinks|thought)\b"
)
_ADVERBS = frozenset(
    ["only", "also", "already", "just", "never", "not", "still", "long", "since", "now", "even"]
)
# Verbs of change take "by" for an amount, not an agent: "grew by 35%".
_CHANGE_VERBS = frozenset(
    [
        "grew",
        "rose",
        "fell",
        "increased",
        "decreased",
        "dropped",
        "declined",
        "jumped",
        "climbed",
        "gained",
        "slipped",
        "plunged",
        "soared",
        "surged",
        "shrank",
        "tumbled",
    ]
)
_FUNCTION_END = frozenset(
    [
        "than",
        "of",
        "the",
        "a",
        "an",
        "to",
        "and",
        "or",
        "but",
        "by",
        "for",
        "with",
        "in",
        "on",
        "at",
        "as",
    ]
)
_TRAILING_CLAUSE = re.compile(
    r",\s+(?:[^,]{0,40}?\b(?:which|said|says|reported|announced)|the|a|an|and|or|which|who|while|whereas|although|though|but|as|when|where|because|after|before"
    r"|he|she|they|with|including|up from|down from|compared with|\p{Ll}+ing|\p{Ll}{3,}ed)\b.*$",
    re.S,
)


def tidy(s: str) -> str:
    """Strip leading connectives ("However,") and mid-sentence ", though," from a clause."""
    s = _DATELINE.sub("", " ".join(s.split()))
    while True:
        m = _CONNECTIVE.match(s)
        if not m:
            break
        s = s[m.end() :]
    return tidy_mid(s)


def tidy_mid(s: str) -> str:
    """Drop a mid-sentence ", though," or ", however," (it points at earlier text)."""
    return _MID_CONNECTIVE.sub(_mid_connective, s)


def _mid_connective(m: re.Match) -> str:
    """ "…, though, saying" keeps one comma before a participle; "X, though, did" keeps none."""
    rest = m.string[m.end() :].lstrip()
    return "," if re.match(r"\p{Ll}+ing\b", rest) else ""


def _words(s: str) -> list[str]:
    return s.split()


def _lower_first(s: str) -> str:
    first = s.split(" ", 1)[0]
    return s[:1].lower() + s[1:] if first.lower() in _LOWER_FIRST else s


def _upper_first(s: str) -> str:
    return s[:1].upper() + s[1:]


def _finite(words: list[str]) -> tuple[int, str, str] | None:
    """(index, kind, base) of the finite verb ending the subject: kind is "aux" or "do"."""
    for i, w in enumerate(words):
        low = w.lower()
        if low.endswith((",", ";", ":")) or low in ("who", "which", "whose", "where", "when"):
            return None  # a comma or a relative clause: the subject is not simple
        if i == 0:
            continue
        prev = words[i - 1].lower()
        if prev in _DETERMINERS or prev in ("to", "be", "been", "being") or prev.endswith("'s"):
            continue
        j = i + 1
        while j < len(words) and (words[j].lower() in _ADVERBS or words[j].lower().endswith("ly")):
            j += 1
        nxt = words[j].lower() if j < len(words) else ""
        if low in AUXILIARIES:
            if low in ("has", "have", "had") and not _participle(nxt):
                return i, "do", "have"
            return i, "aux", low
        if low.endswith(("n't", "n’t")):
            return None  # negated: "didn't discover" makes a trick question
        if low in PAST_TO_BASE or (low.endswith("ed") and w[:1].islower()):
            by_agent = nxt == "by" and low not in _CHANGE_VERBS  # "a group led by X found"
            if nxt in AUXILIARIES or nxt in PAST_TO_BASE or by_agent:
                continue  # "the people displaced rose": a participle, not the verb
            base = base_of_past(low)
            return (i, "do", base) if base else None
        base = base_of_present(low)
        if base:
            return i, "does", base
    return None


def _participle(w: str) -> bool:
    return w == "been" or w.endswith(("ed", "en")) or w in PAST_TO_BASE


# Words between a perfect verb and its "since" phrase beyond which the phrase may qualify a noun.
_NEAR_VERB = 6


def front(subject_part: str, wh: str, rest: str, tail: str = "") -> str | None:
    """ "In what year" + clause with its wh-phrase removed -> an inverted question.

    subject_part is the clause up to the removed phrase ("The council approved the plan"),
    rest what follows it, tail adverbials moved from the front to the end.
    """
    words = _words(subject_part)
    found = _finite(words)
    if found is None:
        return None
    i, kind, verb = found
    subject = " ".join(words[:i])
    if not subject or len(words[:i]) > 14 or subject.split()[0].lower() in _PRONOUNS:
        return None
    if any(c in subject for c in '"“”;:()') or words[i - 1].lower() in _FUNCTION_END:
        return None
    if _SPEECH.search(" ".join(words[: i + 1])):
        return None  # "X said that …": the fact sits in a reported clause
    after_verb = words[i + 1 :]
    if after_verb and after_verb[0].lower() in ("not", "never", "n't", "no"):
        return None  # a negated question reads as a trick
    if wh.lower().startswith("since") and not (kind == "aux" and verb in ("has", "have", "had")):
        return None  # "since" goes with a perfect: otherwise it may belong to a noun
    if wh.lower().startswith("since") and len(after_verb) > _NEAR_VERB:
        return None  # "has cited a study showing … the lowest increases since 2002": the noun's
    if wh.lower().startswith("in what") and kind == "aux" and verb in ("has", "have", "is", "are"):
        # "have dropped an inquiry into claims made in 2010", "is seeking his extradition over
        # leaks in 2010": a present perfect or progressive takes no past year, a noun does.
        return None
    if _TIME_IN_SUBJECT.search(subject):
        return None  # "Dealers last year sold …": an adverbial, not part of the subject
    if _capitalised_common(subject):
        return None  # "Local auto dealers sold": the capital was the sentence's, not a name's
    body = " ".join(after_verb + _words(rest) + _words(tail))
    subject = _lower_first(subject)
    if kind == "aux":
        q = f"{wh} {verb} {subject} {body}"
    else:
        aux = {"has": "does", "have": "do"}.get(words[i].lower(), "did" if kind == "do" else "does")
        q = f"{wh} {aux} {subject} {verb} {body}"
    return _finish(q)


_TIME_IN_SUBJECT = re.compile(r"\b(?:last|this|next)\s+(?:year|month|week|season)\b", re.I)


def _capitalised_common(subject: str) -> bool:
    """True when subject opens with a capitalised word that only the sentence start made so
    ("New vehicle sales", "Truck and SUV sales"): moved mid-question it would keep its capital.
    Names of places, people and firms can't be told from such words, so both give a cloze."""
    words = subject.split()
    if len(words) < 2 or words[0].lower() in _LOWER_FIRST:
        return False
    first, second = words[0], words[1]
    if not first[:1].isupper() or first.isupper() or first.endswith(("'s", "’s")):
        return False
    return second[:1].islower() and second.lower() not in ("of", "de", "van", "von")


def _finish(q: str) -> str | None:
    q = " ".join(q.split()).rstrip(" ,;:.")
    q = re.sub(r"\s+([,;:])", r"\1", q)
    if q.count("“") > q.count("”"):
        q += "”"
    if q.count('"') % 2:
        q += '"'
    return _upper_first(q) + "?"


def split_fronted(before: str) -> tuple[list[str], str]:
    """ "Per X, by 2024, the council" -> (["Per X", "by 2024"], "the council")."""
    parts = [p.strip() for p in before.split(", ")]
    return parts[:-1], parts[-1]


def movable(fronted: list[str]) -> str | None:
    """Fronted adverbials as a tail for the end of the question (attributions dropped)."""
    kept = [f for f in fronted if not _ATTRIBUTION.match(f)]
    if any(len(f.split()) > 8 or not _ADVERBIAL.match(f) for f in kept):
        return None
    return " ".join(f[:1].lower() + f[1:] for f in kept)


def cut_trailing(after: str) -> str:
    """Drop a trailing clause after the fact (", which …", ", up from …", ", saying …")."""
    return _TRAILING_CLAUSE.sub("", after)


def wh_or_cloze(
    before: str,
    after: str,
    wh: str,
    *,
    preposed: bool = False,
    blank: tuple[str, str] = ("", ""),
    cloze_after: str | None = None,
    cloze_only: bool = False,
) -> tuple[str, bool] | None:
    """(prompt, is_cloze) asking for what stands between before and after.

    wh is the question phrase ("what year", "how many teachers"); preposed marks a wh that is a
    whole prepositional phrase already ("between which years"). blank holds words of the
    target that a cloze keeps around its blank ("between " … ""); cloze_after replaces after
    in the cloze when the wh-phrase took words from it ("how many teachers").
    """
    # A semicolon joins two sentences: keep the one holding the fact.
    before = before.rsplit("; ", 1)[-1]
    after = after.split("; ", 1)[0]
    cloze_after = cloze_after.split("; ", 1)[0] if cloze_after else cloze_after
    before, after = tidy(before), " ".join(after.split())
    q = None if cloze_only else _wh(before, after, wh, preposed)
    if q and len(q.split()) <= MAX_WORDS:
        return q, False
    ca = after if cloze_after is None else " ".join(cloze_after.split())
    cloze = _short_cloze(f"{before} {blank[0]}".strip(), f"{blank[1]}{ca}")
    if q and (cloze is None or len(q.split()) <= len(cloze.split()) - 4):
        return q, False
    if cloze is None or not MIN_CLOZE_WORDS < words_of(cloze) <= MAX_WORDS:
        return None  # a fragment, or too long to stand alone
    return cloze, True


def words_of(prompt: str) -> int:
    """Words of a prompt without its cloze lead (dashes and marks are not words)."""
    return len(_WORD.findall(prompt.removeprefix("Fill in the blank: ")))


def _short_cloze(cb: str, ca: str) -> str | None:
    """The cloze, trimmed to the clause holding the blank when the sentence is too long."""
    cloze = make_cloze(cb, ca)
    if cloze is None or words_of(cloze) <= MAX_WORDS:
        return cloze
    ca = _RELATIVE_ASIDE.sub("", ca)
    if BLANK not in cb:
        cb = _RELATIVE_ASIDE.sub("", cb)
    if words_of(make_cloze(cb, ca) or "") <= MAX_WORDS:
        return make_cloze(cb, ca)
    cut = cut_trailing(ca)
    # A comma right after the blank may open the main clause ("In _____, the team found …").
    if words_of(f"{cb} {cut}") < MIN_CLOZE_WORDS + 1 or not has_verb(f"{cb} {cut}"):
        first = ca.find(",", 1) + 1  # keep the clause after the first comma: it is the main one
        cut = ca[:first] + cut_trailing(ca[first:]) if first else ca
    ca = cut
    parts = _SENTENCE_END.split(cb)
    cb = parts[-1] if len(parts) > 1 and len(parts[-1].split()) >= 3 else cb
    segments = cb.split(", ")
    # Fronted phrases before the clause ("Despite …, scientists …") go first.
    while len(segments) > 1 and words_of(make_cloze(", ".join(segments), ca) or "") > MAX_WORDS:
        if _RELATIVE.match(segments[1]):
            named = _NAME_AT_END.search(segments[0])
            if not named:
                break
            head = named.group(0).strip() + _RELATIVE.sub("", segments[1], count=1)
            segments = [head, *segments[2:]]
            segments[0] = segments[0][:1].upper() + segments[0][1:]
            break
        if not _FRONTED.match(segments[0]) and not _finite(segments[1].split() + ["x"]):
            break
        segments = segments[1:]
    cb = _upper_first(", ".join(segments))
    # Last, a trailing conjunct after the blank: "deliver _____ tons to the moon and return …".
    for cut_at in reversed([m.start() for m in _CONJUNCT.finditer(ca)]):
        if words_of(make_cloze(cb, ca) or "") <= MAX_WORDS:
            break
        head = f"{cb} {ca[:cut_at]}"
        inside_quote = head.count("“") > head.count("”") or head.count('"') % 2
        if len(_WORD.findall(ca[:cut_at])) >= 3 and not inside_quote and has_verb(head):
            ca = ca[:cut_at].rstrip(" ,;")
    if words_of(make_cloze(cb, ca) or "") > MAX_WORDS:
        cb = _subordinate_clause(cb)
    return make_cloze(cb, ca)


_SUBORDINATOR = re.compile(r"\s(?:when|after|because|while|as|where)\s+(?=\p{Ll})")


def _subordinate_clause(cb: str) -> str:
    """ "The pope visited families who lost everything when an earthquake struck the region
    in" -> "An earthquake struck the region in": the clause that holds the blank stands alone,
    unless a pronoun opens it (whose?) or it has no verb."""
    found = list(_SUBORDINATOR.finditer(cb))
    if not found:
        return cb
    clause = cb[found[-1].end() :]
    words = clause.split()
    if len(words) < 4 or words[0].lower() in _PRONOUNS or not has_verb(clause):
        return cb
    return _upper_first(clause)


def _wh(before: str, after: str, wh: str, preposed: bool) -> str | None:
    if _SENTENCE_END.search(before) or _DASH.search(before) or _DASH.match(after):
        return None  # context from an earlier sentence, or the fact sits in a dash aside
        return None  # context from an earlier sentence: no clean question
    last = before.rsplit(", ", 1)[-1]
    if after.startswith(",") and (_PP_HEAD.match(last + " ") or (preposed and before == "")):
        return _fronted_target(before, after, wh, preposed)
    if before.endswith(","):
        fronted, main = [f.strip() for f in before[:-1].split(", ")], ""
    else:
        fronted, main = split_fronted(before) if ", " in before else ([], before)
    tail = movable(fronted)
    if tail is None:
        return None
    rest = cut_trailing(after).strip()
    if not main.strip():
        return _finish(f"{wh} {rest} {tail}")  # the wh-phrase is the subject
    words = main.split()
    pp = _PP_HEAD.search(main + " ") if not preposed else None
    if pp:
        phrase = f"{main[pp.start() :].strip()} {wh}"
        subject_part = main[: pp.start()]
    elif words[-1].lower() in _DETERMINERS or words[-1].lower().endswith("'s"):
        return None  # inside a noun phrase: "the 2019 election"
    elif words[-1].lower() in _PREPS:
        phrase = f"{words[-1]} {wh}"
        subject_part = " ".join(words[:-1])
    else:
        phrase, subject_part = wh, main
    if phrase == wh and not preposed and len(subject_part.split()) > _verb_end(subject_part):
        return None  # the figure is not the verb's object: "bought a shop after raising £5"
    rest = re.sub(r"^\s*(?:and|or|but)\s.*$", "", rest)  # "hire 2,000 agents and expand …"
    asked = front(subject_part, _upper_first(phrase), rest, tail)
    if asked is None and _finite(subject_part.split()) is None:
        # "The relationship in 2024 could be described …": the phrase leaves the subject.
        asked = front(f"{subject_part} {rest}", _upper_first(phrase), "", tail)
    return asked


def _verb_end(part: str) -> int:
    """Index just past the finite verb group of part ("the bill would hire" -> 4)."""
    words = part.split()
    found = _finite(words)
    if not found:
        return 0
    i = found[0] + 1
    while i < len(words) and (
        words[i].lower() in ("not", "also", "still")
        or _participle(words[i].lower())
        or words[i - 1].lower() in AUXILIARIES
    ):
        i += 1
    return i


def _fronted_target(before: str, after: str, wh: str, preposed: bool) -> str | None:
    """The target sits in a fronted phrase: "By the end of 2024, nearly 15,000 … held …"."""
    fronted, last = split_fronted(before) if ", " in before else ([], before)
    if not (preposed and not last.strip()) and not _PP_HEAD.search(last + " "):
        return None
    tail = movable(fronted)
    if tail is None:
        return None
    phrase = f"{last} {wh}".strip()
    clause = cut_trailing(after.lstrip(", ")).strip()
    if not clause:
        return None
    m = re.match(r"(.*?)(,\s.*)?$", clause)
    main = m.group(1) if m else clause
    # A fronted phrase is asked with the main clause inverted: find its verb, keep the rest.
    return front(main, _upper_first(phrase), "", tail)
