package dev.podium.notifications.reply;

/** MATCHED: the UID verified for the ATTENDEE (acted on when the answer is ACCEPTED or DECLINED); UNMATCHED: kept with its reason. */
public enum ReplyStatus { MATCHED, UNMATCHED }
