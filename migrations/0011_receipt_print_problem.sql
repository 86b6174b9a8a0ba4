-- Receipts are counted as printed only when the print spooler took them: print_count now counts the copies
-- it accepted, not the tries. 0 is a receipt its owner never had on paper (the printer refused it, or the app
-- stopped between saving it and printing it), which the console lists with a Reprint button.
-- Receipts logged before this version keep their count as it was (then, tries): nothing recorded says
-- which of those printed.

-- Why the last try to print a receipt that has never printed failed, in the words staff saw at the time
-- ("No printer is set up for receipts…"); null once a copy prints, and for a receipt never tried.
ALTER TABLE receipts ADD COLUMN print_problem TEXT;
