"""Cloze items that fit: a long sentence cut to the clause holding the blank."""

from __future__ import annotations

import regex as re

from quizapp.generate.cloze import BLANK, make_cloze
from quizapp.generate.inversion import _PRONOUNS as PRONOUNS
from quizapp.generate.inversion import finite, upper_first
from quizapp.generate.verbs import has_verb

MAX_WORDS = 30
MIN_CLOZE_WORDS = 5
_WORD = re.compile(r"[\w'’$%.,-]*\w")
_RELATIVE = re.compile(r"(?:which|who)(?=\s)")
# "… a conference of the Republican Governors Association": the name a "which" refers to.
_NAME_AT_END = re.compile(r"\s(?:the\s)?\p{Lu}[\p{L}.'’-]*(?:\s(?:of\s)?\p{Lu}[\p{L}.'’-]*)*$")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|outside)$")
_FRONTED = re.compile(
    r"(?:despite|although|though|while|as|when|because|with|without|after|before|in|on|at|by"
    r"|for|since|during|according|under|amid|unlike|like|last|this|next|earlier|later)\b",
    re.I,
)
# "as" after a noun is a preposition ("a reputation as a tough boss"): a conjunct after a comma.
_CONJUNCT = re.compile(
    r"(?:[,;]?\s|^)(?:and|but|while|because|when|where|which|who|that|after|before)\s"
    r"|[,;]\s+as\s|\sas\s+well\s+as\s"
)
_DANGLING = re.compile(
    r"\b(?:on|in|at|of|to|for|with|from|by|into|onto|over|under|about|around|the|a|an|its"
    r"|their|his|her|our|this|that)$",
    re.I,
)
_ASSERTED_OPENER = re.compile(
    r"^(?:since|because|although|though|whereas)\s+(?=(?:the|a|an|its|their|his|her)\b|\p{Lu})"
)
# "showed in a paper … that taste receptors …": the that-clause is what was shown.
_REPORTS_THAT = re.compile(r"[,;]?\s+that\s")
_REPORTING = re.compile(
    r"\b(?:show(?:s|ed|n)?|finds?|found|report(?:s|ed)?|announc(?:e|es|ed)|conclud(?:e|es|ed)"
    r"|suggest(?:s|ed)?|argu(?:e|es|ed)|demonstrat(?:e|es|ed)|reveal(?:s|ed)?|warn(?:s|ed)?"
    r"|not(?:e|es|ed)|estimat(?:e|es|ed)|say|says|said|claim(?:s|ed)?|believ(?:e|es|ed)"
    r"|confirm(?:s|ed)?|predict(?:s|ed)?)\b"
)
_PREP_END = re.compile(r"\b(?:by|in|since|until|before|after|through)\s*$")
_RELATIVE_ASIDE = re.compile(r",\s+(?:who|which)\s[^,]{3,80},")
SENTENCE_END = re.compile(r"(?<!\b\p{Lu}|\b(?:Mr|Mrs|Ms|Dr|St|No|vs?))[.!?][\"”']?\s+(?=\p{Lu})")
_TRAILING_CLAUSE = re.compile(
    r",\s+(?:[^,]{0,40}?\b(?:which|said|says|reported|announced)|the|a|an|and|or|which|who|while|whereas|although|though|but|as|when|where|because|after|before"
    r"|he|she|they|with|including|up from|down from|compared with|\p{Ll}+ing|\p{Ll}{3,}ed)\b.*$",
    re.S,
)


def cut_trailing(after: str) -> str:
    """Drop a trailing clause after the fact (", which …", ", up from …", ", saying …")."""
    return _TRAILING_CLAUSE.sub("", after)


def words_of(prompt: str) -> int:
    """Words of a prompt without its cloze lead (dashes and marks are not words)."""
    return len(_WORD.findall(prompt.removeprefix("Fill in the blank: ")))


def short_cloze(cb: str, ca: str) -> str | None:
    """The cloze, trimmed to the clause holding the blank when the sentence is too long."""
    relative = _purpose_relative(cb)
    if relative != cb:  # the main clause after the relative one goes with its purpose phrase
        cb, ca = relative, ca.split(", ", 1)[0]
    cloze = make_cloze(cb, ca)
    if cloze is None or words_of(cloze) <= MAX_WORDS:
        return cloze
    ca = _RELATIVE_ASIDE.sub("", ca)
    if BLANK not in cb:
        cb = _drop_aside(cb)
    if words_of(make_cloze(cb, ca) or "") <= MAX_WORDS:
        return make_cloze(cb, ca)
    cut = cut_trailing(ca)
    # A comma right after the blank may open the main clause ("In _____, the team found …").
    if words_of(f"{cb} {cut}") < MIN_CLOZE_WORDS + 1 or not has_verb(f"{cb} {cut}"):
        first = ca.find(",", 1) + 1  # keep the clause after the first comma: it is the main one
        cut = ca[:first] + cut_trailing(ca[first:]) if first else ca
    ca = cut
    parts = SENTENCE_END.split(cb)
    cb = parts[-1] if len(parts) > 1 and len(parts[-1].split()) >= 3 else cb
    segments = cb.split(", ")
    # Fronted phrases before the clause ("Despite …, scientists …") go first.
    while len(segments) > 1 and words_of(make_cloze(", ".join(segments), ca) or "") > MAX_WORDS:
        if _RELATIVE.match(segments[1]):
            named = _NAME_AT_END.search(segments[0])
            # "a concert at the Ryman in Nashville, which featured …": the concert did.
            if not named or _PLACE_BEFORE.search(segments[0], 0, named.start()):
                break
            head = named.group(0).strip() + _RELATIVE.sub("", segments[1], count=1)
            segments = [head, *segments[2:]]
            segments[0] = segments[0][:1].upper() + segments[0][1:]
            break
        if not _FRONTED.match(segments[0]) and not finite(segments[1].split() + ["x"]):
            break
        dropped, segments = segments[0], segments[1:]
        # "…hope, since the new chain will have …": with its main clause gone, a reason or
        # concession is the article's own statement, unless that clause reported someone's
        # ("leaders argued that …, because …").
        if not _REPORTING.search(dropped):
            segments[0] = _ASSERTED_OPENER.sub("", segments[0], count=1)
    cb = upper_first(", ".join(segments))
    # Last, a trailing conjunct after the blank: "deliver _____ tons to the moon and return …".
    for cut_at in reversed([m.start() for m in _CONJUNCT.finditer(ca)]):
        if words_of(make_cloze(cb, ca) or "") <= MAX_WORDS:
            break
        head = f"{cb} {ca[:cut_at]}"
        inside_quote = head.count("“") > head.count("”") or head.count('"') % 2
        if (
            _DANGLING.search(ca[:cut_at])
            or _REPORTS_THAT.match(ca, cut_at)
            and _REPORTING.search(head)
        ):
            continue  # "presence on and around the moon": the cut would strand "on"
        whole = len(_WORD.findall(ca[:cut_at])) >= 3 or _PREP_END.search(cb)  # "by _____"
        if whole and not inside_quote and has_verb(head):
            ca = ca[:cut_at].rstrip(" ,;")
    if words_of(make_cloze(cb, ca) or "") > MAX_WORDS:
        cb = _subordinate_clause(cb)
    return make_cloze(cb, ca)


_PURPOSE_WHICH = re.compile(r"^To\s+\p{Ll}+\s+(?P<head>[^,]+),\s+(?:which|who)\s+(?P<rest>[^,]+)$")


def _purpose_relative(cb: str) -> str:
    """ "To win South Carolina, which holds the first primary of" -> "South Carolina holds the
    first primary of": the blank sits in the relative clause, whose main clause was cut."""
    m = _PURPOSE_WHICH.match(cb)
    named = _NAME_AT_END.search(" " + m.group("head")) if m else None
    if m is None or named is None:
        return cb
    return f"{named.group(0).strip()} {m.group('rest')}"


def _drop_aside(cb: str) -> str:
    """cb without its ", which …," asides, unless the blank's clause has no verb once they go:
    then the blank belongs to the aside's own list ("which owns the Register, the Post and
    more than _____ other papers")."""
    cb = _drop_appositive(cb)
    asides = list(_RELATIVE_ASIDE.finditer(cb))
    if not asides or not has_verb(cb[asides[-1].end() :]):
        return cb
    return _RELATIVE_ASIDE.sub("", cb)


# "Omar Lamrani, a senior analyst at Stratfor, the Texas-based firm, told …": who he is, between
# a name and its verb.
_APPOSITIVE = re.compile(
    r"(?<=\p{Lu}[\p{L}'’-]+)(?:,\s+(?:a|an|the)\s[^,]{3,80}){1,2},(?=\s+\p{Ll}+\s)"
)


# A noun phrase ("the Texas-based firm") has none of these; a clause ("the firm that was …") has.
_FINITE_WORD = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|said|says|who|which|that)\b", re.I
)
_NAME_ONLY = re.compile(r"\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*){0,3}")


def _drop_appositive(cb: str) -> str:
    """cb without the appositive after the name it opens with, when the appositive holds no
    verb and a verb follows (a name inside the clause may be an object, not who acts)."""
    m = _APPOSITIVE.search(cb)
    if m is None or not _NAME_ONLY.fullmatch(cb[: m.start()]):
        return cb
    if _FINITE_WORD.search(m.group(0)) or not has_verb(cb[m.end() :]):
        return cb
    return cb[: m.start()] + cb[m.end() :]


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
    if len(words) < 4 or words[0].lower() in PRONOUNS or not has_verb(clause):
        return cb
    return upper_first(clause)
