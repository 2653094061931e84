"""Static district maps as plain Plotly scatter traces (no streamlit, no internet).

Plotly's geo traces (choropleth, scatter_geo) fetch their base map from a CDN, so they fail
offline, in the browser and in kaleido alike. These maps draw the polygons themselves:
one filled `go.Scatter` (fill="toself") per district, so the same figure works on screen,
in the presentation view and as a PNG in the PDF/PPTX pre-read.

Colours come from `lagesbild.geo.choropleth.classify` (viridis classes, grey for missing,
hatched white for "..": a hidden value is never coloured like a low one); the legend names
every class in text. Priority areas are black outlines with their names; Polisen's utsatta
områden dashed vermillion, as on the Karta page.
"""
from __future__ import annotations

import math

import geopandas as gpd
import plotly.graph_objects as go

from lagesbild.geo.choropleth import HIDDEN, MISSING, Classification
from lagesbild.geo.foliummap import AREA_FILL, PRIORITY_COLOR, USO_COLOR, label_points
from lagesbild.i18n import t

_FONT = dict(family="Source Sans Pro, DejaVu Sans, Arial, sans-serif", size=14)
EDGE = "#ffffff"


def _rings(geom) -> tuple[list, list]:
    """Exterior rings of a (multi)polygon as x and y lists with None between the parts."""
    polys = list(geom.geoms) if geom.geom_type == "MultiPolygon" else [geom]
    xs: list = []
    ys: list = []
    for p in polys:
        x, y = p.exterior.coords.xy
        xs += list(x) + [None]
        ys += list(y) + [None]
    return xs, ys


def _lines(gdf: gpd.GeoDataFrame) -> tuple[list, list]:
    xs: list = []
    ys: list = []
    for geom in gdf.geometry:
        x, y = _rings(geom)
        xs += x
        ys += y
    return xs, ys


def _frame(fig: go.Figure, bounds, *, title: str, height: int, lang: str) -> None:
    minx, miny, maxx, maxy = bounds
    lat0 = (miny + maxy) / 2
    fig.update_layout(
        title=dict(text=title, x=0, xanchor="left"), font=_FONT, height=height, plot_bgcolor="white",
        paper_bgcolor="white", margin=dict(l=10, r=10, t=50, b=10), hovermode="closest",
        separators=",\u00a0" if lang == "sv" else ".,",
        legend=dict(orientation="v", yanchor="top", y=1, xanchor="left", x=1.01, bgcolor="rgba(255,255,255,0.9)",
                    title=None, font=dict(size=13)),
        # Degrees of longitude are shorter than degrees of latitude this far north.
        xaxis=dict(visible=False, range=[minx, maxx], fixedrange=True),
        yaxis=dict(visible=False, range=[miny, maxy], scaleanchor="x", scaleratio=1 / math.cos(math.radians(lat0)),
                   fixedrange=True),
    )


def _legend_only(fig: go.Figure, name: str, *, fill: str, hidden: bool = False) -> None:
    """A legend entry without geometry (the districts themselves are not in the legend).
    A hidden value ("..") gets a crossed square, like the hatching on the map."""
    marker = (dict(symbol="square-x-open", size=16, color="#555555", line=dict(width=1.5)) if hidden
              else dict(symbol="square", size=16, color=fill, line=dict(color="#555555", width=1)))
    fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=name, showlegend=True, hoverinfo="skip",
                             marker=marker))


def _outline_traces(fig: go.Figure, gdf: gpd.GeoDataFrame, *, name: str, color: str, width: float, dash: str | None,
                    casing: bool = False) -> None:
    if gdf is None or gdf.empty:
        return
    xs, ys = _lines(gdf)
    if casing:  # a white line under the outline keeps it readable on dark fills
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line=dict(color="#ffffff", width=width + 3), hoverinfo="skip",
                                 showlegend=False))
    fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", name=name, line=dict(color=color, width=width, dash=dash),
                             hoverinfo="skip", showlegend=True))


def _labels(fig: go.Figure, gdf: gpd.GeoDataFrame, *, size: int = 13) -> None:
    if gdf is None or gdf.empty:
        return
    pts = label_points(gdf)
    fig.add_trace(go.Scatter(
        x=[p[1] for p in pts], y=[p[0] for p in pts], mode="text", text=[f"<b>{n}</b>" for n in gdf["name"]],
        textfont=dict(size=size, color="#000000"), hoverinfo="skip", showlegend=False,
    ))


def choropleth(districts: gpd.GeoDataFrame, classes: Classification, *, title: str, lang: str = "sv",
               hover: dict[str, str] | None = None, priority: gpd.GeoDataFrame | None = None,
               uso: gpd.GeoDataFrame | None = None, outline: gpd.GeoDataFrame | None = None,
               height: int = 560) -> go.Figure:
    """Districts coloured by class; `hover` gives each district's text (name: value)."""
    fig = go.Figure()
    colors = dict(zip(classes.table["code"], classes.table["color"]))
    states = dict(zip(classes.table["code"], classes.table["state"]))
    # Larger districts first, so a district enclosed by another is drawn on top of it.
    sizes = districts["area_km2"] if "area_km2" in districts else districts.geometry.to_crs("EPSG:3006").area
    order = districts.assign(_a=sizes).sort_values("_a", ascending=False)
    for code, name, geom in zip(order["code"], order["name"], order.geometry):
        xs, ys = _rings(geom)
        state = states.get(code, MISSING)
        fig.add_trace(go.Scatter(
            x=xs, y=ys, mode="lines", fill="toself", fillcolor=colors.get(code, "#d4d4d4"),
            fillpattern=dict(shape="/", fgcolor="#555555", bgcolor="#ffffff", size=8) if state == HIDDEN else None,
            line=dict(color=EDGE, width=0.8), name=name, showlegend=False, hoveron="fills",
            hoverinfo="text", text=(hover or {}).get(code, name),
        ))
    if outline is not None:
        _outline_traces(fig, outline, name=t("maps.outline.kommun", lang), color="#333333",
                        width=1.2, dash=None)
    _outline_traces(fig, uso, name=t("maps.outline.uso", lang),
                    color=USO_COLOR, width=2.5, dash="dash", casing=True)
    _outline_traces(fig, priority, name=t("maps.outline.priority", lang), color=PRIORITY_COLOR,
                    width=3, dash=None, casing=True)
    _labels(fig, priority)
    for item in classes.legend:
        _legend_only(fig, item.label, fill=item.color, hidden=item.kind == HIDDEN)
    _frame(fig, districts.total_bounds, title=title, height=height, lang=lang)
    return fig


def highlight(context: gpd.GeoDataFrame, target: gpd.GeoDataFrame, *, title: str, lang: str = "sv",
              uso: gpd.GeoDataFrame | None = None, height: int = 460) -> go.Figure:
    """One area filled (a profile), its surroundings as grey outlines with names."""
    fig = go.Figure()
    minx, miny, maxx, maxy = target.total_bounds
    pad_x, pad_y = (maxx - minx) * 0.35 + 0.004, (maxy - miny) * 0.35 + 0.002
    box = (minx - pad_x, miny - pad_y, maxx + pad_x, maxy + pad_y)
    xs, ys = _lines(context)
    fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", fill="none", line=dict(color="#8c8c8c", width=1), hoverinfo="skip",
                             showlegend=False))
    for name, geom in zip(target["name"], target.geometry):
        tx, ty = _rings(geom)
        fig.add_trace(go.Scatter(x=tx, y=ty, mode="lines", fill="toself", fillcolor=AREA_FILL, opacity=0.75,
                                 line=dict(color=PRIORITY_COLOR, width=3), name=name, hoverinfo="text", text=name,
                                 showlegend=True))
    _outline_traces(fig, uso, name=t("maps.outline.uso", lang),
                    color=USO_COLOR, width=2.5, dash="dash", casing=True)
    inside = context.cx[box[0]:box[2], box[1]:box[3]]
    inside = inside[~inside["code"].isin(target["code"])]
    _labels(fig, inside, size=11)
    parts = set(target["parts"].iloc[0]) if "parts" in target else set()
    if not (parts - set(target["code"])):  # a composed area's parts already carry its labels
        _labels(fig, target, size=15)
    _frame(fig, box, title=title, height=height, lang=lang)
    fig.update_layout(legend=dict(orientation="h", yanchor="top", y=-0.02, xanchor="left", x=0))
    return fig
