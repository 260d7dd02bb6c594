-- ADR 21: the notices keep whom they were for (name and role), not their phone numbers. The inbox,
-- the only channel, needs none, and a personal number kept where nobody reads it is only a risk.
-- The column stays, empty, until no instance of an older version writes to it; a later migration
-- drops it.
ALTER TABLE notices ALTER COLUMN recipient_contact DROP NOT NULL;
UPDATE notices SET recipient_contact = NULL WHERE recipient_contact IS NOT NULL;
