"""Bar charts drawn on the server as SVG (no JavaScript, no build step); each sits beside a table of its data."""

from __future__ import annotations

from dataclasses import dataclass

LABEL_WIDTH = 190
BAR_WIDTH = 330
VALUE_WIDTH = 90
ROW_HEIGHT = 30
BAR_HEIGHT = 20
PADDING = 6


@dataclass(frozen=True)
class Bar:
    label: str
    text: str
    y: int
    width: float
    note: str = ""

    @property
    def text_y(self) -> int:
        return self.y + BAR_HEIGHT - 5

    @property
    def value_x(self) -> float:
        return LABEL_WIDTH + self.width + PADDING


@dataclass(frozen=True)
class BarChart:
    title: str
    bars: list[Bar]

    @property
    def width(self) -> int:
        return LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH

    @property
    def height(self) -> int:
        return max(len(self.bars), 1) * ROW_HEIGHT + PADDING

    @property
    def bar_x(self) -> int:
        return LABEL_WIDTH

    @property
    def label_x(self) -> int:
        return LABEL_WIDTH - PADDING

    @property
    def bar_height(self) -> int:
        return BAR_HEIGHT


def bar_chart(title: str, points: list[tuple[str, float | int | None, str, str]]) -> BarChart:
    """Horizontal bars, one per (label, value, text shown, note), scaled to the largest value.

    A value that is not a number (nothing to show) gets no bar; negative values are drawn from zero as
    if positive, with the text keeping the sign.
    """
    numbers = [abs(value) for _label, value, _text, _note in points if isinstance(value, int | float)]
    largest = max(numbers, default=0) or 1
    bars = []
    for index, (label, value, text, note) in enumerate(points):
        width = BAR_WIDTH * abs(value) / largest if isinstance(value, int | float) else 0
        bars.append(Bar(label=label, text=text, y=index * ROW_HEIGHT + PADDING, width=round(width, 1), note=note))
    return BarChart(title=title, bars=bars)
