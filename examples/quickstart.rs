//! Quickstart (placeholder until the services land).
fn main() {
    println!("lexcase {}", lexcase::VERSION);
}
