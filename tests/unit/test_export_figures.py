"""Charts for the PDF and the PPTX are the screen's figures, laid out for their place: the
PDF's body font (DejaVu Sans), a title that wraps instead of running off the image, and the
caller's figure untouched. No browser needed: this is the layout before kaleido draws it."""
from __future__ import annotations

import plotly.graph_objects as go

from lagesbild.export.images import EXPORT_FONT, for_export
from lagesbild.export.pdf import FONT


def _fig(title: str) -> go.Figure:
    fig = go.Figure(go.Scatter(x=[1, 2], y=[3, 4]))
    fig.update_layout(title=dict(text=title, x=0), font=dict(family="Source Sans Pro, Arial, sans-serif", size=14),
                      margin=dict(t=60), height=380)
    return fig


def test_export_font_is_the_pdf_body_font_and_the_screen_figure_is_untouched():
    screen = _fig("Kort rubrik")
    out = for_export(screen, 665, 400)
    assert EXPORT_FONT == "DejaVu Sans" and FONT == "DejaVu"  # the PDF embeds DejaVuSans.ttf under that name
    assert out.layout.font.family == EXPORT_FONT and out.layout.font.size == 14
    assert (out.layout.width, out.layout.height) == (665, 400) and out.layout.title.text == "Kort rubrik"
    assert screen.layout.font.family.startswith("Source Sans Pro") and screen.layout.height == 380


def test_a_title_wider_than_the_image_wraps_and_the_top_margin_grows():
    title = "Anmälda narkotika- och vapenbrott per 100 000 invånare – Huddinge"
    out = for_export(_fig(title), 665, 400)
    assert out.layout.title.text.replace("<br>", " ") == title and "<br>" in out.layout.title.text
    assert out.layout.margin.t > 60
    wide = for_export(_fig(title), 1365, 590)
    assert wide.layout.title.text == title and wide.layout.margin.t == 60
