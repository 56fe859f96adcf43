-- The daily cap counts the messages of a phone being sent in the same round as those sent today (SmsSender).
CREATE INDEX outbound_message_sending_phone ON outbound_message (phone_key) WHERE status = 'SENDING';
