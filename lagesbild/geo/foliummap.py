"""Building the folium maps (no streamlit): offline assets, layers, labels, legend.

Offline: folium's Map loads Leaflet, jQuery, Bootstrap and Font Awesome from CDNs. These
maps use only GeoJSON, tooltips and DivIcon labels, which need Leaflet alone, so every map
gets exactly two assets, served by the app itself (static/vendor/leaflet). No branca
colormap is used (streamlit-folium would add d3 from a CDN for it): the legend is plain HTML.

Escaping: Leaflet puts tooltip, label, legend, layer-control and attribution strings into
the page as HTML, so every text that reaches the map goes through `html.escape` here.
Feature properties travel as JSON (folium's `tojson` escapes <, > and &).
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from html import escape

import folium
import geopandas as gpd
from branca.element import MacroElement
from jinja2 import Template

from lagesbild.geo import METRIC_CRS
from lagesbild.geo.choropleth import HIDDEN, MISSING, Classification
from lagesbild.i18n import t

LEAFLET_DIR = "static/vendor/leaflet"  # relative to the project root; served at /app/static/…
HATCH_ID = "lb-hatch"
BACKGROUND = "#f3f2ee"

# Okabe-Ito (colour-blind safe) for the outlines; the choropleth uses viridis.
PRIORITY_COLOR = "#000000"
USO_COLOR = "#D55E00"
USO_COLOR_DARK = "#8a3c00"  # darker vermillion: white text on it passes WCAG AA
VALDISTRIKT_COLOR = "#4d4d4d"
KOMMUN_COLOR = "#333333"
AREA_FILL = "#56B4E9"  # Okabe-Ito sky blue: the area of a profile map


def e(text) -> str:
    """Escape any text for HTML (quotes too: it may land in an attribute)."""
    return escape("" if text is None else str(text), quote=True)


@dataclass(frozen=True)
class Assets:
    js: tuple[tuple[str, str], ...]
    css: tuple[tuple[str, str], ...]


def offline_assets(base_url: str = "/app/static/vendor/leaflet") -> Assets:
    base = base_url.rstrip("/")
    return Assets(js=(("leaflet", f"{base}/leaflet.js"),), css=(("leaflet_css", f"{base}/leaflet.css"),))


def base_map(bounds: list[list[float]], assets: Assets, *, tiles_url: str | None = None,
             tiles_attribution: str | None = None, tiles_name: str = "Bakgrundskarta", label: str = "",
             lang: str = "sv") -> folium.Map:
    """An empty map fitted to `bounds` ([[south, west], [north, east]]), with local assets only.
    `label` names the map for screen readers (see MapA11y)."""
    m = folium.Map(location=[(bounds[0][0] + bounds[1][0]) / 2, (bounds[0][1] + bounds[1][1]) / 2],
                   tiles=None, control_scale=False, zoom_snap=0.25, zoom_delta=0.5, zoom_start=11,
                   zoom_control=False)  # MapA11y adds it with titles in the page's language
    m.default_js = list(assets.js)
    m.default_css = list(assets.css)
    m.get_root().header.add_child(folium.Element(_CSS))
    MapA11y(label, lang).add_to(m)
    DefaultIconPath(assets.css[0][1].rsplit("/", 1)[0] + "/images/").add_to(m)  # before any marker
    if tiles_url:
        folium.TileLayer(tiles=tiles_url, attr=e(tiles_attribution or ""), name=e(tiles_name), overlay=False,
                         control=True).add_to(m)
    m.fit_bounds(bounds, padding=(8, 8))
    return m


def bounds_of(gdf: gpd.GeoDataFrame) -> list[list[float]]:
    minx, miny, maxx, maxy = gdf.total_bounds
    return [[float(miny), float(minx)], [float(maxy), float(maxx)]]


# --- layers -------------------------------------------------------------------------------


def feature_collection(gdf: gpd.GeoDataFrame, props: list[dict]) -> dict:
    """GeoJSON with the given properties per row (geometry from the frame)."""
    geo = json.loads(gdf[["geometry"]].to_json(drop_id=True))
    for feat, p in zip(geo["features"], props):
        feat["properties"] = p
    return geo


def tooltip_html(title: str, lines: list[str]) -> str:
    """Escaped tooltip: a bold title and plain lines."""
    return f"<strong>{e(title)}</strong>" + "".join(f"<br>{e(x)}" for x in lines if x)


def add_outline(m, gdf: gpd.GeoDataFrame, *, name: str, attribution: str) -> None:
    """The kommun outline: a light fill (the map's 'land') and a dark border. Not clickable."""
    fc = feature_collection(gdf, [{"code": c} for c in gdf["code"]])
    folium.GeoJson(fc, name=e(name), attribution=e(attribution), interactive=False, control=True,
                   style_function=lambda _f: {"color": KOMMUN_COLOR, "weight": 2.5, "fillColor": "#ffffff",
                                              "fillOpacity": 1.0}).add_to(m)


def add_choropleth(m, gdf: gpd.GeoDataFrame, classes: Classification, tips: dict[str, str], *, name: str,
                   attribution: str, kind: str, labels: dict[str, str] | None = None, show: bool = True) -> folium.FeatureGroup:
    """Districts coloured by class; hidden values hatched; tooltips and (zoom-aware) labels."""
    group = folium.FeatureGroup(name=e(name), show=show, control=True)
    colors = dict(zip(classes.table["code"], classes.table["color"]))
    state = dict(zip(classes.table["code"], classes.table["state"]))
    props = [{"code": c, "kind": kind, "fill": _fill(colors.get(c), state.get(c, MISSING)), "tip": tips.get(c, "")}
             for c in gdf["code"]]
    folium.GeoJson(
        feature_collection(gdf, props), attribution=e(attribution),
        style_function=lambda f: {"fillColor": f["properties"]["fill"], "fillOpacity": 0.85, "color": "#ffffff",
                                  "weight": 1.2},
        highlight_function=lambda _f: {"weight": 3, "color": "#000000"},
        tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False, sticky=True),
    ).add_to(group)
    if labels:
        add_labels(group, gdf, labels, css="lb-label")
    group.add_to(m)
    return group


def _fill(color: str | None, state: str) -> str:
    return f"url(#{HATCH_ID})" if state == HIDDEN else (color or "#d4d4d4")


def add_boundaries(m, gdf: gpd.GeoDataFrame, tips: dict[str, str], *, name: str, attribution: str, kind: str,
                   color: str, weight: float, dash: str | None, show: bool, fill_clickable: bool = True,
                   casing: bool = False) -> None:
    """Outlines only (valdistrikt, utsatta områden). `fill_clickable` makes the inside clickable
    too; `casing` draws a white line under the outline so it reads on dark fills. A layer the
    kommun does not have (empty) adds nothing, not an empty entry in the layer control."""
    if gdf.empty:
        return
    group = folium.FeatureGroup(name=e(name), show=show, control=True)
    props = [{"code": c, "kind": kind, "tip": tips.get(c, "")} for c in gdf["code"]]
    fc = feature_collection(gdf, props)
    if casing:
        folium.GeoJson(fc, interactive=False, style_function=lambda _f: {"color": "#ffffff", "weight": weight + 2.5,
                                                                          "fill": False, "opacity": 0.9}).add_to(group)
    folium.GeoJson(
        fc, attribution=e(attribution),
        style_function=lambda _f: {"color": color, "weight": weight, "dashArray": dash, "fill": fill_clickable,
                                   "fillOpacity": 0.0},
        highlight_function=lambda _f: {"weight": weight + 2},
        tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False, sticky=True),
    ).add_to(group)
    group.add_to(m)


def add_priority(m, gdf: gpd.GeoDataFrame, tips: dict[str, str], *, name: str, attribution: str,
                 show: bool = True) -> None:
    """Priority areas: a strong outline on a white casing (readable on any fill) and a permanent,
    clickable label each."""
    if gdf.empty:  # a kommun without priority areas (yet)
        return
    group = folium.FeatureGroup(name=e(name), show=show, control=True)
    props = [{"code": c, "kind": "prioriterat", "tip": tips.get(c, "")} for c in gdf["code"]]
    fc = feature_collection(gdf, props)
    folium.GeoJson(fc, interactive=False, style_function=lambda _f: {"color": "#ffffff", "weight": 7, "fill": False,
                                                                      "opacity": 0.9}).add_to(group)
    folium.GeoJson(
        fc, attribution=e(attribution),
        style_function=lambda _f: {"color": PRIORITY_COLOR, "weight": 3.5, "fill": False},
        tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False, sticky=True),
    ).add_to(group)
    # One GeoJSON point per label, so a click on the label reports the area's code.
    for code, pname, pt in zip(gdf["code"], gdf["name"], label_points(gdf)):
        point = {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"code": code, "kind": "prioriterat"},
                                                            "geometry": {"type": "Point", "coordinates": [pt[1], pt[0]]}}]}
        icon = folium.DivIcon(html=f'<div class="lb-prio-label" title="{e(pname)}">{e(pname)}</div>',
                              icon_size=(0, 0), class_name="lb-icon")
        folium.GeoJson(point, marker=folium.Marker(icon=icon)).add_to(group)
    group.add_to(m)


def add_highlight(m, gdf: gpd.GeoDataFrame, *, name: str) -> None:
    """One area filled and outlined (the area of a profile map), with its name as a label."""
    fc = feature_collection(gdf, [{"code": c} for c in gdf["code"]])
    folium.GeoJson(fc, name=e(name), interactive=False,
                   style_function=lambda _f: {"color": PRIORITY_COLOR, "weight": 3.5, "fillColor": AREA_FILL,
                                              "fillOpacity": 0.45}).add_to(m)
    for pname, pt in zip(gdf["name"], label_points(gdf)):
        icon = folium.DivIcon(html=f'<div class="lb-prio-label">{e(pname)}</div>', icon_size=(0, 0), class_name="lb-icon")
        folium.Marker(location=list(pt), icon=icon, interactive=False, keyboard=False).add_to(m)


def label_points(gdf: gpd.GeoDataFrame) -> list[tuple[float, float]]:
    """(lat, lon) inside each polygon, away from its edges (pole of inaccessibility)."""
    import shapely

    metric = gdf.geometry.to_crs(METRIC_CRS)
    pts = gpd.GeoSeries([shapely.ops.polylabel(_largest(g), tolerance=10) for g in metric], crs=METRIC_CRS).to_crs(gdf.crs)
    return [(p.y, p.x) for p in pts]


def _largest(geom):
    if geom.geom_type == "MultiPolygon":
        return max(geom.geoms, key=lambda p: p.area)
    return geom


def min_zoom_for_label(text: str, geom_metric, lat: float, px_per_char: float = 6.6) -> float:
    """The zoom from which a label fits inside its polygon (Web Mercator pixel size)."""
    minx, miny, maxx, maxy = _largest(geom_metric).bounds
    width_m = max(min(maxx - minx, 2.2 * (maxy - miny)), 1.0)
    text_px = len(text) * px_per_char + 8
    # metres per pixel at zoom z: 40075016.686 * cos(lat) / (256 * 2**z)
    return math.log2(text_px * 40075016.686 * math.cos(math.radians(lat)) / (256 * width_m))


def add_count_badges(m, gdf: gpd.GeoDataFrame, badges: dict[str, tuple[str, str]], *, name: str,
                     attribution: str, show: bool = False) -> None:
    """Aggregated counts per area as small badges (never points of events): code → (text, hover)."""
    group = folium.FeatureGroup(name=e(name), show=show, control=True)
    for code, pt in zip(gdf["code"], label_points(gdf)):
        if code not in badges:
            continue
        text, hover = badges[code]
        icon = folium.DivIcon(html=f'<div class="lb-badge" title="{e(hover)}">{e(text)}</div>', icon_size=(0, 0),
                              class_name="lb-icon")
        folium.Marker(location=list(pt), icon=icon, interactive=False, keyboard=False).add_to(group)
    # An empty GeoJSON layer carries the credit, so it shows while the badges are on.
    folium.GeoJson({"type": "FeatureCollection", "features": []}, attribution=e(attribution)).add_to(group)
    group.add_to(m)


def add_labels(parent, gdf: gpd.GeoDataFrame, labels: dict[str, str], *, css: str) -> None:
    """Non-clickable district names, each shown only from the zoom at which it fits."""
    metric = gdf.geometry.to_crs(METRIC_CRS)
    for code, geom, pt in zip(gdf["code"], metric, label_points(gdf)):
        text = labels.get(code)
        if not text:
            continue
        mz = min_zoom_for_label(text, geom, pt[0])
        icon = folium.DivIcon(html=f'<div class="{css}" data-minzoom="{mz:.2f}">{e(text)}</div>',
                              icon_size=(0, 0), class_name="lb-icon")
        folium.Marker(location=list(pt), icon=icon, interactive=False, keyboard=False).add_to(parent)


class MapA11y(MacroElement):
    """Names the map for assistive technology (WCAG 1.1.1, 3.1.2, 4.1.2): the map becomes a
    labelled region, the component's iframe (Streamlit names it "streamlit_folium.st_folium")
    gets the same title, its document the page's language instead of the component's "en",
    and the zoom buttons are labelled in that language rather than Leaflet's English."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function(map) {
          var label = {{ this.label|tojson }}, c = map.getContainer();
          L.control.zoom({zoomInTitle: {{ this.zoom_in|tojson }}, zoomOutTitle: {{ this.zoom_out|tojson }}}).addTo(map);
          if (label) { c.setAttribute('role', 'region'); c.setAttribute('aria-label', label); }
          document.documentElement.lang = {{ this.lang|tojson }};
          try { if (label && window.frameElement) { window.frameElement.title = label; } } catch (err) {}
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, label: str, lang: str = "sv"):
        super().__init__()
        self._name = "MapA11y"
        self.label = label  # tojson escapes it for the script; Leaflet sets it as an attribute
        self.lang = "en" if lang == "en" else "sv"
        self.zoom_in, self.zoom_out = t("foliummap.zoom_in", lang), t("foliummap.zoom_out", lang)


class DefaultIconPath(MacroElement):
    """folium creates every marker with Leaflet's default icon before it sets the DivIcon, so
    the browser fetches marker-icon.png. Leaflet finds the image folder from leaflet.css; when
    the CSS is not applied yet, its fallback drops the slash (…/leafletmarker-icon.png, 404).
    Naming the folder avoids the race."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        L.Icon.Default.imagePath = {{ this.path|tojson }};
        {% endmacro %}
    """)

    def __init__(self, path: str):
        super().__init__()
        self._name = "DefaultIconPath"
        self.path = path


# --- legend, hatch, zoom-aware labels -------------------------------------------------------


class Legend(MacroElement):
    """A Leaflet control with the legend (escaped HTML), plus the hatch pattern and the
    script that shows each district label only when it fits."""

    _template = Template("""
        {% macro html(this, kwargs) %}
        <svg width="0" height="0" style="position:absolute" aria-hidden="true"><defs>
          <pattern id="{{ this.hatch_id }}" patternUnits="userSpaceOnUse" width="7" height="7" patternTransform="rotate(45)">
            <rect width="7" height="7" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="7" stroke="#555555" stroke-width="2.4"/>
          </pattern></defs></svg>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        (function(map) {
          var legend = L.control({position: {{ this.position|tojson }}});
          legend.onAdd = function() {
            var div = L.DomUtil.create('div', 'lb-legend');
            div.innerHTML = {{ this.content|tojson }};
            L.DomEvent.disableClickPropagation(div);
            return div;
          };
          legend.addTo(map);
          L.control.scale({imperial: false, position: 'bottomleft'}).addTo(map);
          function fitLabels() {
            var z = map.getZoom();
            document.querySelectorAll('.lb-label[data-minzoom]').forEach(function(el) {
              el.style.display = z >= parseFloat(el.getAttribute('data-minzoom')) ? '' : 'none';
            });
          }
          map.on('zoomend overlayadd layeradd', fitLabels);
          fitLabels();
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, content_html: str, position: str = "bottomright"):
        super().__init__()
        self._name = "Legend"
        self.content = content_html
        self.position = position
        self.hatch_id = HATCH_ID


def legend_html(title: str, classes: Classification | None, extra: list[tuple[str, str]], note: str = "") -> str:
    """Legend rows: class swatches, then line symbols (style, label). All text escaped."""
    rows = [f'<div class="lb-legend-title">{e(title)}</div>']
    if classes is not None:
        for item in classes.legend:
            fill = f"url(#{HATCH_ID})" if item.kind == HIDDEN else item.color
            sw = f'<svg width="18" height="14" aria-hidden="true"><rect x="0.5" y="0.5" width="17" height="13" fill="{e(fill)}" stroke="#666"/></svg>'
            rows.append(f'<div class="lb-row">{sw}<span>{e(item.label)}</span></div>')
    for style, label in extra:
        rows.append(f'<div class="lb-row"><svg width="18" height="14" aria-hidden="true"><line x1="0" y1="7" x2="18" y2="7" style="{e(style)}"/></svg><span>{e(label)}</span></div>')
    if note:
        rows.append(f'<div class="lb-legend-note">{e(note)}</div>')
    return "".join(rows)


PRIORITY_LINE = f"stroke:{PRIORITY_COLOR};stroke-width:3.5"
AREA_LINE = f"stroke:{PRIORITY_COLOR};stroke-width:3.5;fill:{AREA_FILL}"
USO_LINE = f"stroke:{USO_COLOR};stroke-width:3;stroke-dasharray:6 4"
VALD_LINE = f"stroke:{VALDISTRIKT_COLOR};stroke-width:1.5;stroke-dasharray:3 3"

_CSS = f"""
<style>
.leaflet-container {{ background: {BACKGROUND}; font-family: "Source Sans Pro", "Segoe UI", Arial, sans-serif; }}
.lb-icon {{ background: none; border: none; }}
.lb-label {{ position: absolute; transform: translate(-50%, -50%); white-space: nowrap; font-size: 12px;
  color: #111; pointer-events: none;
  text-shadow: 0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff, 0 0 4px #fff; }}
.lb-prio-label {{ position: absolute; transform: translate(-50%, -50%); white-space: nowrap; font-size: 14px;
  font-weight: 700; color: #000; background: #fff; border: 2px solid {PRIORITY_COLOR}; border-radius: 3px;
  padding: 1px 6px; cursor: pointer; box-shadow: 0 1px 3px rgba(0,0,0,.35); }}
.lb-badge {{ position: absolute; transform: translate(-50%, 40%); white-space: nowrap; font-size: 12px;
  font-weight: 700; color: #fff; background: {USO_COLOR_DARK}; border-radius: 9px; padding: 0 7px;
  border: 1.5px solid #fff; pointer-events: none; }}
.lb-legend {{ background: rgba(255,255,255,.95); padding: 6px 8px; border-radius: 4px; font-size: 12.5px;
  line-height: 1.35; color: #111; box-shadow: 0 1px 4px rgba(0,0,0,.3); max-width: 260px; }}
.lb-legend-title {{ font-weight: 700; margin-bottom: 3px; }}
.lb-legend-note {{ margin-top: 4px; color: #333; font-size: 11.5px; }}
.lb-row {{ display: flex; align-items: center; gap: 6px; margin: 1px 0; }}
.leaflet-tooltip {{ font-size: 13px; color: #111; }}
.leaflet-control-attribution {{ font-size: 11px; color: #222; background: rgba(255,255,255,.9) !important; }}
.leaflet-control-layers {{ font-size: 13px; color: #111; }}
</style>
"""
