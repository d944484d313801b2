//! Cross-module tests: STANDARDS §6.4 matching vectors and properties.
