-- The order a group lists its organisers in (creator first, then as added). Timestamps cannot carry
-- it: organisers named together share one, and a server that drops fractional seconds (MySQL
-- Connector/J sends none to a MariaDB 10.x, which it takes for MySQL 5.5) makes them all equal.
ALTER TABLE organiser ADD COLUMN position INT NOT NULL DEFAULT 0;
