"""Finding the known names of an article's people in its text, with an optional honorific.

One regular expression of every alias (a character trie) took seconds to compile on an article
naming thousands of people; walking the same trie here costs a dictionary lookup per character.
The matches are those of `(?<![\\p{L}\\p{M}])(?:(HON)\\.?\\s+)?(ALIAS)(?![\\p{L}\\p{M}])`: an alias
as long as possible that does not run into a letter, and no alias inside a word.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex as re

_LETTER = re.compile(r"[\p{L}\p{M}]")
_END = ""  # trie key marking that an alias ends at this node


class AliasFinder:
    """Non-overlapping mentions of any of aliases, left to right, like re.finditer."""

    def __init__(self, aliases: Iterable[str], honorific: str) -> None:
        """honorific: a pattern of capitalised titles ("(?:Mr|Dr)"), optional before an alias."""
        self.trie: dict[str, dict] = {}
        for alias in aliases:
            node = self.trie
            for ch in alias:
                node = node.setdefault(ch, {})
            node[_END] = {}
        self.honorific = re.compile(rf"({honorific})\.?\s+")
        firsts = {ch for ch in self.trie if ch} | {ch for ch in honorific if ch.isupper()}
        # Where a mention may start: a possible first character after no letter.
        self.starts = re.compile(
            r"(?<![\p{L}\p{M}])[" + "".join(re.escape(c) for c in sorted(firsts)) + "]"
        )

    def finditer(
        self, text: str, start: int, end: int
    ) -> Iterator[tuple[int, int, str | None, str]]:
        """(start, end, honorific or None, alias) of each mention in text[start:end]."""
        pos = start
        for m in self.starts.finditer(text, start, end):
            at = m.start()
            if at < pos:
                continue  # inside the previous mention
            hon = self.honorific.match(text, at, end)
            if hon:
                stop = self._longest(text, hon.end(), end)
                if stop is not None:
                    pos = stop
                    yield at, stop, hon.group(1), text[hon.end() : stop]
                    continue
            stop = self._longest(text, at, end)
            if stop is not None:
                pos = stop
                yield at, stop, None, text[at:stop]

    def _longest(self, text: str, at: int, end: int) -> int | None:
        """End of the longest alias at `at` not followed by a letter, else None."""
        node, ends = self.trie, []
        i = at
        while i < end:
            child = node.get(text[i])
            if child is None:
                break
            node = child
            i += 1
            if _END in node:
                ends.append(i)
        for stop in reversed(ends):
            if stop == end or not _LETTER.match(text, stop):
                return stop
        return None
