"""Where an article names its people again: aliases, honorifics, and he/she resolved."""

from __future__ import annotations

import bisect

import regex as re

from quizapp.generate.aliases import AliasFinder
from quizapp.generate.candidates import Candidate
from quizapp.generate.cast import Mention, Person
from quizapp.generate.lexicon import (
    HONORIFICS,
    LISTENER_BEFORE,
    ORG_WORDS,
    SPEECH_VERB_PATTERN,
    is_person_noun,
)
from quizapp.generate.names import is_given_name, name_gender
from quizapp.generate.places import is_place
from quizapp.generate.text import Paragraph

_HON = "(?:" + "|".join(h.capitalize() for h in HONORIFICS) + ")"
_PRONOUNS = re.compile(r"\b(?:he|she|him|his|her|hers)\b", re.IGNORECASE)
_VERBS = SPEECH_VERB_PATTERN
# A speaker named by a description: "The 56-year-old said:", "…," the senator added, "…,"
# said the coach. Kept as a mention of "d" (any gender) and resolved only by its age or role.
_DESCRIBED = r"(?:(?P<age>\d{1,3})-year-old|(?P<noun>[a-z]+(?:-[a-z]+)*))"
_DESCRIPTOR = re.compile(
    rf"\b[Tt]he\s+{_DESCRIBED}(?=,?\s+(?:\p{{Ll}}+ly\s+)?(?:{_VERBS})\b)"
    rf"|\b(?:{_VERBS})\s+\Kthe\s+{_DESCRIBED}(?=[.,])"
)
_THE_DESCRIBED = re.compile(rf"[Tt]he\s+{_DESCRIBED}")
DESCRIBED = "d"


def honorific_surnames(norm: str) -> set[str]:
    """Surnames used alone as a person's later: "Mr. Ruiz", "…," Ruiz says, says Ruiz."""
    out = {m.group(1) for m in re.finditer(rf"\b{_HON}\.?\s+(\p{{Lu}}[\p{{L}}'-]+)", norm)}
    out.update(m.group(1) or m.group(2) for m in _SPOKEN_SURNAME.finditer(norm))
    return out


_SAYS = r"(?:says|said|added|adds|told|tells|explained|recalled|noted|wrote)"
# A lone capitalised word as a speaker right after a quote: "…," Ruiz says / "…," says Ruiz.
_SPOKEN_SURNAME = re.compile(
    rf"[,!?]['\"]\s+(?:(\p{{Lu}}[\p{{L}}'-]+)\s+{_SAYS}|{_SAYS}\s+(\p{{Lu}}[\p{{L}}'-]+)[.,])"
)


def assign_honorifics(norm: str, people: list[Person]) -> None:
    """Record "Mr."/"Ms." used with a person's surname, which also gives a gender."""
    owners: dict[str, list[Person]] = {}
    for p in people:
        for s in p.surnames:
            owners.setdefault(s, []).append(p)
    for m in re.finditer(
        rf"\b({_HON})\.?\s+(\p{{Lu}}[\p{{L}}'-]+(?:\s\p{{Lu}}[\p{{L}}'-]+)?)", norm
    ):
        hon, name = m.group(1), m.group(2)
        cands = owners.get(name) or owners.get(name.split()[0]) or []
        if len(cands) == 1:
            cands[0].honorifics.add(hon)
            gender = HONORIFICS.get(hon.lower())
            if gender and cands[0].gender is None:
                cands[0].gender = gender


def gender_from_name(p: Person) -> str | None:
    return name_gender(p.given)


def _alias_table(people: list[Person]) -> dict[str, set[int]]:
    """Alias text -> ids of the people it may name (several ids = ambiguous)."""
    table: dict[str, set[int]] = {}
    for i, p in enumerate(people):
        words = p.words
        forms = {p.name, " ".join(words), f"{words[0]} {words[-1]}", *p.surnames}
        if len(words) >= 3:
            forms.add(f"{words[0]} {words[-2]}")
        if not is_place(words[0]) and words[0].lower() not in ORG_WORDS:
            forms.add(words[0])
        for form in forms:
            table.setdefault(form, set()).add(i)
    return table


def find_mentions(
    norm: str, paragraphs: list[Paragraph], people: list[Person], unconfirmed: list[Candidate]
) -> dict[int, list[Mention]]:
    """Named mentions per paragraph, then he/she pronouns resolved in document order."""
    table = _alias_table(people)
    for c in unconfirmed:  # "Hori Parata" (unconfirmed) makes a later "Parata" ambiguous
        if " ".join(c.core) in table:
            continue  # a later, uncued mention of a known person
        if c.core[-1] in table:
            table[c.core[-1]].add(-1)
    out: dict[int, list[Mention]] = {}
    by_para: dict[int, list[Candidate]] = {}
    for c in unconfirmed:
        by_para.setdefault(c.paragraph, []).append(c)
    finder = AliasFinder(table, _HON)
    for p in paragraphs:
        if p.heading:
            continue
        found: list[Mention] = []
        for start, end, hon, alias in finder.finditer(norm, p.start, p.end):
            ids = _filter_by_honorific(table[alias], hon, people)
            person = next(iter(ids)) if len(ids) == 1 else _first_of_family(ids, alias, people)
            found.append(Mention(start, end, person))
        # Name-like phrases we could not confirm still make "she"/"he" ambiguous, when they
        # open with a given name ("Big Machine", a record label, does not).
        taken = [(x.start, x.end) for x in found]
        for c in by_para.get(p.index, []):
            if is_given_name(c.core[0]) and not any(a < c.end and c.start < b for a, b in taken):
                found.append(Mention(c.start, c.end, None))
        for m in _DESCRIPTOR.finditer(norm, p.start, p.end):
            if m.group("age") or is_person_noun(m.group("noun")):
                found.append(Mention(m.start(), m.end(), None, DESCRIBED))
        for m in _PRONOUNS.finditer(norm, p.start, p.end):
            word = m.group(0).lower()
            found.append(
                Mention(m.start(), m.end(), None, "m" if word in ("he", "him", "his") else "f")
            )
        found.sort(key=lambda x: x.start)
        out[p.index] = found
    _resolve_pronouns(norm, paragraphs, out, people, _ages(norm, out))
    return out


_AGE_AFTER = re.compile(r",\s+(\d{1,3}),")
_AGE_BEFORE = re.compile(r"(\d{1,3})-year-old\s+$")


def _ages(norm: str, mentions: dict[int, list[Mention]]) -> dict[int, str]:
    """Each person's age given beside a name: "Ruiz, 56," or "56-year-old Ruiz"."""
    ages: dict[int, str] = {}
    for found in mentions.values():
        for m in found:
            if m.person is None or m.pronoun:
                continue
            age = _AGE_AFTER.match(norm, m.end) or _AGE_BEFORE.search(
                norm, max(0, m.start - 16), m.start
            )
            if age:
                ages.setdefault(m.person, age.group(1))
    return ages


def _fits(noun: str, person: Person) -> bool:
    """ "the senator" fits a person whose role, or name ("Pope Leo XIV"), holds the word."""
    words = [w.lower() for r in person.roles for w in r.split()]
    return noun in words or noun in (t.lower() for t in person.tokens)


def _described(
    norm: str,
    m: Mention,
    candidates: list[int | None],
    last: list[int | None],
    people: list[Person],
    ages: dict[int, str],
) -> int | None:
    """The one person just named whom "the 56-year-old" or "the senator" fits, else None;
    candidates are the people of the last paragraphs, last those of this and the one before."""
    d = _THE_DESCRIBED.match(norm, m.start)
    if d is None:
        return None
    age, noun = d.group("age"), d.group("noun")
    near = {i for i in candidates if i is not None}
    fits = {i for i in near if (ages.get(i) == age if age else _fits(noun, people[i]))}
    just = {i for i in last if i is not None}
    if age and not fits and len(just) == 1 and not any(i in ages for i in near):
        fits = just  # "The 56-year-old said": the one person just named, whose age is not given
    return next(iter(fits)) if len(fits) == 1 else None


def _first_of_family(ids: set[int], alias: str, people: list[Person]) -> int | None:
    """The surname alone, shared by relatives ("Mary Holt" and "her son, David Holt"): news
    style names the later ones in full, so the bare surname is the first one introduced."""
    if -1 in ids or " " in alias or not all(alias in people[i].surnames for i in ids):
        return None
    return min(ids, key=lambda i: people[i].first_pos)


def _filter_by_honorific(ids: set[int], hon: str | None, people: list[Person]) -> set[int]:
    if not hon or len(ids) < 2 or -1 in ids:
        return ids
    gender = HONORIFICS.get(hon.lower())
    kept = {i for i in ids if people[i].gender in (None, gender)}
    return kept or ids


_LISTENER = re.compile(LISTENER_BEFORE)


def _resolve_pronouns(
    norm: str,
    paragraphs: list[Paragraph],
    mentions: dict[int, list[Mention]],
    people: list[Person],
    ages: dict[int, str],
) -> None:
    """Resolve he/she to the one compatible person in this (else the previous) paragraph, and
    a description ("the 56-year-old") to the one person of the last three paragraphs it fits."""
    previous: list[int | None] = []
    recent: list[list[int | None]] = []
    prev_subject: int | None = None
    prev_actors: list[int | None] = []
    for p in paragraphs:
        if p.heading or p.index not in mentions:
            continue
        seen: list[int | None] = []
        # "Steenburgen called Buckley's performance stunning. … she said": a possessive
        # names whose thing it is, not who acts; used only to settle a tie.
        actors: list[int | None] = []
        acting: set[int] = set()  # where those mentions start
        # People named inside quotation marks are what is talked about, not antecedents; they
        # only make a pronoun ambiguous when nobody outside the quotes fits it.
        quoted: list[int | None] = []
        resolved: list[Mention] = []
        for m in mentions[p.index]:
            if m.pronoun is None:
                inside = _in_quotes(p, m.start)
                (quoted if inside else seen).append(m.person)
                # Nor does the listener of "told Benioff" act: "…,” he said" is the teller.
                listener = _LISTENER.search(norm, max(p.start, m.start - 70), m.start)
                if not inside and not norm.startswith(("'s", "s'"), m.end) and not listener:
                    actors.append(m.person)
                    acting.add(m.start)
                resolved.append(m)
                if m.person is not None:
                    people[m.person].mentions += 1
                continue
            if m.pronoun == DESCRIBED:
                near = seen + [i for r in recent for i in r]
                last = seen + (recent[-1] if recent else [])
                target = _described(norm, m, near, last, people, ages)
                if target is not None:
                    seen.append(target)
                resolved.append(Mention(m.start, m.end, target, m.pronoun))
                continue
            quoted_pronoun = _in_quotes(p, m.start)
            target = _pick(seen, m.pronoun, people) if seen else None
            tie_broken = False
            if target is None and actors and not quoted_pronoun and seen:
                target = _pick(actors, m.pronoun, people)
                tie_broken = target is not None
            speaks = not quoted_pronoun and _speech_subject(norm, m)
            if target is None and not _any_compatible(seen, m.pronoun, people):
                # Whom a speaker names inside their own words is not who "he said" is.
                if not speaks and _any_compatible(quoted, m.pronoun, people):
                    resolved.append(m)
                    continue
                target = _pick(previous, m.pronoun, people)
            if target is None and speaks:
                # "Figgins declined to say whether Thomas slept. “…,” he said": the speaker is
                # the subject of the sentence before (or of the last paragraph's last one).
                target = _subject_before(norm, p, prev_subject, prev_actors, m, people, resolved)
            if target is not None:
                if not (quoted_pronoun or tie_broken):  # "her head", inside a quote, is not hers
                    people[target].gender = people[target].gender or m.pronoun
                seen.append(target)
                if norm[m.start : m.end].lower() in ("he", "she"):
                    actors.append(target)  # "his friend's face": whose, not who acts
                    acting.add(m.start)
            resolved.append(Mention(m.start, m.end, target, m.pronoun))
        mentions[p.index] = resolved
        prev_subject = _sentence_subject(norm, p, resolved, len(p.sentences) - 1)
        # Who acts in the last sentence: "Locksley had barely heard of them." after a paragraph
        # naming his postdoc leaves Locksley the one "he" of a quote opening the next one.
        last_start = p.sentences[-1].start if p.sentences else p.start
        prev_actors = [m.person for m in resolved if m.start >= last_start and m.start in acting]
        previous = seen
        if seen:  # paragraphs that name nobody don't push the last named people away
            recent = [*recent[-1:], seen]


_AFTER_QUOTE = re.compile(r"[,!?…]['\"]\s+$")
_SAYS_AFTER = re.compile(rf"\s+(?:also\s+|then\s+|later\s+)?(?:{_VERBS})\b")
_SAYS_BEFORE = re.compile(rf"\b(?:{_VERBS})\s+$")


def _speech_subject(norm: str, m: Mention) -> bool:
    """ "he said", "said she": the pronoun is who speaks."""
    return bool(
        _SAYS_AFTER.match(norm, m.end) or _SAYS_BEFORE.search(norm, max(0, m.start - 20), m.start)
    )


def _sentence_subject(norm: str, p: Paragraph, found: list[Mention], si: int) -> int | None:
    """The person a sentence opens with (its subject, as news writes it), if any."""
    if si < 0:
        return None
    sent = p.sentences[si]
    for m in found:
        if m.start < sent.start or _in_quotes(p, m.start):
            continue
        if m.start >= sent.end:
            return None
        # 'Customers “began to …,” Cook told Benioff': who says the sentence's quote.
        speaks = _AFTER_QUOTE.search(norm, sent.start, m.start) and _SAYS_AFTER.match(norm, m.end)
        if len(norm[sent.start : m.start].split()) > 4 and not speaks:
            return None
        if norm.startswith(("'s", "s'", "’s"), m.end):
            return None  # "Epstein's lawyers": not the subject
        return m.person
    return None


def _subject_before(
    norm: str,
    p: Paragraph,
    prev_subject: int | None,
    prev_actors: list[int | None],
    m: Mention,
    people: list[Person],
    resolved: list[Mention],
) -> int | None:
    """The subject of the sentence before (the previous paragraph's last one, or this
    paragraph's when everyone else it names sits in a clause of its own), for a pronoun that
    speaks after a quote opening its sentence, when their gender (by name or honorific) fits."""
    si = next(i for i, s in enumerate(p.sentences) if s.start <= m.start < s.end)
    if not _AFTER_QUOTE.search(norm, p.sentences[si].start, m.start):
        return None  # "the staff member recalled that he said": he is not the sentence's own
    if si:
        who = _subject_alone(norm, p, resolved, si - 1)
    else:
        who = prev_subject
        if who is None or m.pronoun is None or _pick(prev_actors, m.pronoun, people) != who:
            return None  # "Jane Doe met Mary Roe.": another who acts there fits as well
    if who is None:
        return None
    # The gender must come from the name or an honorific, not from an earlier guess (one
    # made in this paragraph, about its own subject, will do).
    person = people[who]
    known = name_gender(person.given) or next(
        (HONORIFICS.get(h.lower()) for h in person.honorifics if HONORIFICS.get(h.lower())), None
    )
    return who if (known or (person.gender if si else None)) == m.pronoun else None


_COMPLEMENT = re.compile(r"\b(?:whether|that|if|why|how|when)\b")


def _subject_alone(norm: str, p: Paragraph, resolved: list[Mention], si: int) -> int | None:
    """The subject of sentence si when everyone else it names comes after a complement
    ("Figgins declined to say whether Thomas slept"); "Jane Doe met Mary Roe" gives None."""
    who = _sentence_subject(norm, p, resolved, si)
    sent = p.sentences[si]
    if who is None:
        return None
    named = [x for x in resolved if sent.start <= x.start < sent.end and not _in_quotes(p, x.start)]
    subject_end = next(x.end for x in named if x.person == who)
    for x in named:
        if x.person != who and not _COMPLEMENT.search(norm, subject_end, x.start):
            return None
    return who


def _in_quotes(p: Paragraph, pos: int) -> bool:
    """Whether pos lies inside one of the paragraph's quotations (sorted, not overlapping).

    A bisection, not a pass over the quotes: paragraphs of many quotes made that quadratic.
    """
    i = bisect.bisect_right(p.quotes, pos, key=lambda q: q.start) - 1
    return i >= 0 and pos < p.quotes[i].end


def _any_compatible(seen: list[int | None], gender: str, people: list[Person]) -> bool:
    return any(i is None or people[i].gender in (None, gender) for i in seen)


def _pick(seen: list[int | None], gender: str, people: list[Person]) -> int | None:
    """The single person of seen compatible with gender, else None (ambiguous or none)."""
    cands = {i for i in seen if i is None or people[i].gender in (None, gender)}
    if len(cands) == 1:
        only = next(iter(cands))
        return only
    return None
