"""Outputs: the consolidated report (DOCX), its XLSX/JSON appendix, number formatting, safe writes."""
