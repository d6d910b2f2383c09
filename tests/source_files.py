"""Article files made in the tests: an HTML page, a two-column PDF and a Word file.

Every text here is our own invention (no third-party article enters the repository).
"""

from __future__ import annotations

import io
import zipfile

PARAGRAPHS = [
    "The Lakeside Library reopened on Tuesday after an eighteen-month renovation that cost "
    "12 million dollars, the town council said.",
    "The library first opened in 1958 and lent about 90,000 books a year before the works "
    "began, according to the council's culture committee.",
    '"A town that reads together stays together," said Mayor Priya Nandakumar, who opened '
    "the doors at the ceremony.",
    "Nandakumar, a former school teacher, was elected mayor in 2021.",
    "Oskar Lind, the head librarian, said the team moved 40,000 books twice. "
    '"We found letters from 1960 inside the returned novels," Lind said.',
]
ARTICLE_TEXT = "\n\n".join(PARAGRAPHS)
TITLE = "Lakeside Library reopens after renovation"
AUTHOR = "Maren Okafor"

HTML_PAGE = f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{TITLE} | The Lakeside Courier</title>
  <meta property="og:title" content="{TITLE}">
  <meta name="author" content="{AUTHOR}">
  <meta property="article:published_time" content="2026-03-17T08:00:00Z">
</head>
<body>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li>
    <li><a href="/weather">Weather</a></li><li><a href="/subscribe">Subscribe</a></li></ul></nav>
  <div class="ad">ADVERTISEMENT: Buy the Sunshine Blender, half price this week only!</div>
  <main>
    <article>
      <h1>{TITLE}</h1>
      <p class="byline">By <span class="author">{AUTHOR}</span>,
        <time datetime="2026-03-17">17 March 2026</time></p>
      {"".join(f"<p>{p}</p>" for p in PARAGRAPHS)}
    </article>
  </main>
  <aside class="ad">ADVERTISEMENT: Lakeside Motors, new and used cars.</aside>
  <footer><p>Copyright The Lakeside Courier. All rights reserved.</p>
    <a href="/privacy">Privacy</a> <a href="/contact">Contact us</a></footer>
</body>
</html>
"""

NAV_ONLY_PAGE = """<!DOCTYPE html><html><head><title>Index</title></head><body>
<nav><a href="/a">A</a> <a href="/b">B</a></nav></body></html>"""

HEADER = "THE LAKESIDE COURIER - SPRING EDITION"


def pdf_bytes(paragraphs: list[str] | None = None) -> bytes:
    """A two-page, two-column PDF with a running header, page numbers and a hyphenated word."""
    from fpdf import FPDF

    class Paper(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", size=8)
            self.cell(0, 6, HEADER, align="C")
            self.ln(10)

        def footer(self) -> None:
            self.set_y(-12)
            self.set_font("Helvetica", size=8)
            self.cell(0, 6, f"Page {self.page_no()}", align="C")

    words = " ".join(paragraphs or PARAGRAPHS)
    # Half the text per page, each half split over two columns.
    halves = _split(words, 2)
    pdf = Paper(format="A4")
    pdf.set_auto_page_break(False)
    for half in halves:
        pdf.add_page()
        pdf.set_font("Helvetica", size=9)
        for column, text in enumerate(_split(half, 2)):
            pdf.set_xy(10 + column * 95, 20)
            pdf.multi_cell(90, 4, text.replace("committee", "com-\nmittee"))
    return bytes(pdf.output())


def _split(text: str, parts: int) -> list[str]:
    words = text.split(" ")
    size = -(-len(words) // parts)
    return [" ".join(words[i : i + size]) for i in range(0, len(words), size)]


def scanned_pdf_bytes() -> bytes:
    """A PDF whose page holds only a drawing, like a scan without a text layer."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")
    return bytes(pdf.output())


def encrypted_pdf_bytes() -> bytes:
    """A PDF that needs a password to open."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes())))
    writer.encrypt(user_password="secret", owner_password="owner")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx_bytes() -> bytes:
    """A Word file with a title, a heading between paragraphs and an author."""
    import docx

    document = docx.Document()
    document.core_properties.author = AUTHOR
    document.add_heading(TITLE, level=0)
    for i, paragraph in enumerate(PARAGRAPHS):
        if i == 2:
            document.add_heading("A ceremony at the doors", level=2)
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def zip_bomb_docx() -> bytes:
    """A .docx-looking zip whose document would inflate to 60 MB of zeros."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as member:
            block = b"\0" * (1024 * 1024)
            for _ in range(60):
                member.write(block)
    return out.getvalue()


FIRST_WORDS = PARAGRAPHS[0][:40]
