"""Queries over stored reports: search of commendations and people, award histories."""
