//! Money and Vietnamese notation (issue: money).
