//! Handing freed memory back to the system during an ingest.
//!
//! glibc's malloc gives each thread that allocates an arena of its own, up
//! to eight per core, and keeps what is freed there for later. The ingest
//! runs a walker, extraction workers, tantivy's indexing, merging and
//! compressing threads and the writer's; memory one of them frees can wait
//! in its arena while the others grow theirs, and the process's resident
//! memory keeps the high-water mark of each. Indexing 200,000 scale
//! articles peaked at 533 MB of anonymous memory so. Trimming the arenas
//! every 10,000 documents written (and before the name pass) took the peak
//! to 401 MB in the same wall time (117–121 s).
//!
//! Tried and not kept: two arenas in all (`M_ARENA_MAX`), 363 MB, but the
//! threads then wait for each other's locks: Reuters-21578 indexed 8–15%
//! slower over three alternating rounds.
//!
//! The `newsdex` binary has since replaced glibc's malloc with mimalloc
//! (src/main.rs), which hands freed pages back by itself: there the trim
//! finds glibc's heap nearly empty and costs nothing. It stays for programs
//! that link the library with the system's malloc (the tests, the benches).

/// Hands the memory the allocator holds freed back to the system.
/// Elsewhere than on glibc, nothing to do.
pub fn release_freed() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only walks glibc's own free lists; it takes a
    // plain integer and may be called from any thread at any time.
    unsafe {
        libc::malloc_trim(0);
    }
}
