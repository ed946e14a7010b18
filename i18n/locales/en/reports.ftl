# Messages of the reports (reports crate), in English. The reference is ../fr/reports.ftl.
