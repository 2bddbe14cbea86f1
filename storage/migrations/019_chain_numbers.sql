-- Member numbers unique across the chain (issue 18): head office gives each store a
-- block (1-99) at enrolment, sent in every hello; from then on the store issues
-- M + the block's two digits + six digits, counted here per block. Numbers issued
-- before (M00……, customer_member_numbers) and numbers brought across by an import
-- stay as they are.
ALTER TABLE sync_state ADD COLUMN number_block INTEGER NOT NULL DEFAULT 0 CHECK (number_block BETWEEN 0 AND 99);

CREATE TABLE chain_member_numbers (
  block INTEGER PRIMARY KEY CHECK (block BETWEEN 1 AND 99),
  last  INTEGER NOT NULL CHECK (last BETWEEN 0 AND 999999)
);
