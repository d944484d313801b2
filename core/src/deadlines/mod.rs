//! Court and statutory deadline rules as data, and the engine that computes them with a trace.
