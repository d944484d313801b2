//! The uniffi binding generator, built only when bindings are generated:
//!
//! ```text
//! cargo run -p uniffi-bindgen -- generate target/debug/liblexcase_mobile.so \
//!     --language kotlin --language swift --out-dir bindings/mobile/generated --no-format
//! ```

fn main() {
    uniffi::uniffi_bindgen_main()
}
