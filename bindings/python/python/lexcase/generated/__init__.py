"""Code generated from the binding's declarations (see bindings/python/src/stub.rs): do not edit."""
