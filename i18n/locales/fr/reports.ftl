# Messages of the reports (reports crate: HTML, PDF, Markdown, CSV, JSON labels, delivery), in
# French. The reference; English in ../en/reports.ftl. French typography in the characters
# themselves (see posture.ftl).
