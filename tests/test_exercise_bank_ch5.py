"""Tests for the chapter 5 exercise bank and the notebooks' solution cells."""

from __future__ import annotations




