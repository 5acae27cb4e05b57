-- The W3C traceparent of the work that recorded a notification or a webhook message (the Kafka consumer's span
-- of the message that caused it, an organiser's request): each send of it is a span of that trace. NULL when
-- tracing was off.
ALTER TABLE notification ADD COLUMN traceparent VARCHAR(55) NULL;
ALTER TABLE webhook_message ADD COLUMN traceparent VARCHAR(55) NULL;
