"""The --corpus evaluation: loads a folder of articles with JSON keys and scores who-said fairly."""
# ruff: noqa: E501

import json

from quizapp.generate import DraftQuestion, generate
from tests.generate import ratings, realtext
from tests.generate.evaluate import main

TEXT = """Harbour council votes to rebuild the old pier
The Westmouth council voted 7-2 on Monday to rebuild the town's old pier.
"We have waited long enough for a safe pier," said Councillor Nadia Brookes, who chairs the works committee.
"The pier is the heart of this town," Brookes said. "It should last another hundred years."
Mayor Owen Tillett, who voted against the plan, said the cost was too high.
"""
KEY = {
    "quotes": [
        ["We have waited long enough", "Nadia Brookes"],
        ["The pier is the heart of this town", "Nadia Brookes"],
        ["It should last another hundred years", "Nadia Brookes"],
    ],
    "not_quotes": [],
    "people": {"Nadia Brookes": ["works committee"], "Owen Tillett": ["Mayor"]},
}


def _folder(tmp_path, key=KEY):
    (tmp_path / "pier.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "pier.key.json").write_text(json.dumps(key), encoding="utf-8")
    return tmp_path


def test_load_reads_text_key_and_whole_quotations(tmp_path):
    (art,) = realtext.load(_folder(tmp_path))
    assert art.slug == "pier"
    assert art.key.people["Owen Tillett"] == ("Mayor",)
    assert art.spans[0].startswith("we have waited long enough for a safe pier")


def test_a_quote_credited_to_someone_else_is_a_wrong_speaker(tmp_path):
    key = dict(KEY, quotes=[["We have waited long enough", "Owen Tillett"]])
    (art,) = realtext.load(_folder(tmp_path, key))
    scores = realtext.score_article(generate(TEXT).questions, art)
    assert scores["who_said"].wrong == 1
    assert scores["who_said"].speaker_precision < 1


def test_surname_answer_counts_as_the_right_speaker():
    assert realtext.same_person("Brookes", "Nadia Brookes")
    assert realtext.same_person("Ana Ruiz", "Ana Maria Ruiz")
    assert realtext.same_person("Te Kaurinui", "Te Kaurinui Robert Parata")
    assert not realtext.same_person("Robert", "Te Kaurinui Robert Parata")
    assert not realtext.same_person("Nadia Brookes Wrote", "Nadia Brookes")
    assert not realtext.same_person("Owen Brookes", "Nadia Brookes")


def test_corpus_mode_prints_per_kind_figures(tmp_path, capsys):
    assert main(["evaluate", "--corpus", str(_folder(tmp_path))]) == 0
    out = capsys.readouterr().out
    assert "ALL 1 CORPUS ARTICLES" in out
    assert "quote recall" in out and "speaker precision" in out and "linter flag rate" in out


def test_corpus_dir_defaults_to_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("QUIZAPP_CORPUS", str(tmp_path))
    assert realtext.corpus_dir("") == tmp_path
    assert realtext.corpus_dir("elsewhere").name == "elsewhere"


def test_ratings_carry_over_and_new_drafts_are_listed(tmp_path, capsys):
    (tmp_path / "corpus").mkdir()
    folder = _folder(tmp_path / "corpus")
    qs = generate(TEXT).questions
    first = qs[0]
    tsv = tmp_path / "ratings.tsv"
    header = "\t".join(ratings.FIELDS)
    line = "\t".join(["pier", "0", first.kind, "Y", "Y", "Y", "", first.prompt, first.answer])
    tsv.write_text(f"{header}\n{line}\n", encoding="utf-8")
    unrated = tmp_path / "unrated.tsv"
    argv = ["evaluate", "--corpus", str(folder), "--ratings", str(tsv), "--unrated", str(unrated)]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "1/1    acceptable 100%" in out
    assert f"not rated yet (new or changed drafts): {len(qs) - 1}" in out
    rows = unrated.read_text(encoding="utf-8").splitlines()
    assert len(rows) == len(qs) and rows[0] == header


def test_unrated_drafts_with_straight_quotes_round_trip(tmp_path, capsys):
    prompt = 'Who called the plan "a bridge too far"?'
    row = dict.fromkeys(ratings.FIELDS, "")
    row.update(article="pier", index="0", kind="who_said", prompt=prompt, answer="Nadia Brookes")
    tally = ratings.Tally(known={})
    tally.unrated.append(row)
    out = tmp_path / "unrated.tsv"
    tally.report(out)
    (back,) = ratings.read(out).values()
    assert back["prompt"] == prompt


def test_a_keyed_rank_asked_for_who_holds_it_counts(tmp_path):
    text = (
        "Veteran wins again\n"
        "Ana Ruiz is 71 years old and is the oldest person ever elected to the council.\n"
    )
    (tmp_path / "vote.txt").write_text(text, encoding="utf-8")
    key = {"ranks": [["oldest", "ever elected to the council"]]}
    (tmp_path / "vote.key.json").write_text(json.dumps(key), encoding="utf-8")
    (art,) = realtext.load(tmp_path)
    asked = DraftQuestion(
        kind="which_rank",
        prompt="Who is the oldest person ever elected to the council?",
        answer="Ana Ruiz",
        choices=("Ana Ruiz", "Tomas Berg"),
        source=text.splitlines()[1],
        span=(0, 0),
        explanation="",
        confidence=0.9,
    )
    assert realtext.score_article([asked], art)["which_rank"].found == 1
