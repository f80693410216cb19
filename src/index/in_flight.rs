//! A bound on the documents waiting inside tantivy's IndexWriter.
//!
//! `IndexWriter::add_document` hands a document to the indexing threads
//! through a queue of up to 10,000 documents. newsdex documents are large
//! (body and quotes stored, and copied into their unstemmed companion
//! fields, about 10 KB each), so a full queue would hold some 100 MB beyond
//! the writer's memory budget. Each document carries a ticket; tantivy drops
//! the document once indexed, which returns the ticket, and the writer
//! waits before adding more than [`MAX_IN_FLIGHT`].

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tantivy::TantivyDocument;
use tantivy::schema::document::Document;

/// Documents handed to tantivy and not yet indexed, at most: enough to keep
/// its indexing threads busy for a fraction of a second.
pub const MAX_IN_FLIGHT: usize = 1_000;

/// Counts documents handed to the writer and not yet indexed.
#[derive(Clone, Default)]
pub struct InFlight {
    count: Arc<AtomicUsize>,
}

impl InFlight {
    /// Waits until fewer than [`MAX_IN_FLIGHT`] documents are in flight,
    /// then wraps `doc` with a ticket.
    pub fn admit(&self, doc: TantivyDocument) -> TicketedDoc {
        while self.count.load(Ordering::Acquire) >= MAX_IN_FLIGHT {
            std::thread::sleep(Duration::from_micros(200));
        }
        self.count.fetch_add(1, Ordering::AcqRel);
        TicketedDoc {
            doc,
            ticket: Ticket(Arc::clone(&self.count)),
        }
    }

    pub fn count(&self) -> usize {
        self.count.load(Ordering::Acquire)
    }
}

struct Ticket(Arc<AtomicUsize>);

impl Drop for Ticket {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

/// A document with its ticket; indexed exactly as the document inside.
pub struct TicketedDoc {
    doc: TantivyDocument,
    #[allow(dead_code)] // held for its Drop
    ticket: Ticket,
}

impl Document for TicketedDoc {
    type Value<'a> = <TantivyDocument as Document>::Value<'a>;
    type FieldsValuesIter<'a> = <TantivyDocument as Document>::FieldsValuesIter<'a>;

    fn iter_fields_and_values(&self) -> Self::FieldsValuesIter<'_> {
        self.doc.iter_fields_and_values()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ticket_is_returned_when_the_document_is_dropped() {
        let in_flight = InFlight::default();
        let a = in_flight.admit(TantivyDocument::default());
        let b = in_flight.admit(TantivyDocument::default());
        assert_eq!(in_flight.count(), 2);
        drop(a);
        assert_eq!(in_flight.count(), 1);
        drop(b);
        assert_eq!(in_flight.count(), 0);
    }
}
