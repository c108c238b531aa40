-- One timeline entry per inbound event: re-running a processed callback adds nothing twice.
CREATE UNIQUE INDEX "pretrial_events_inbound_event_id_key" ON "pretrial_events"("inbound_event_id");
