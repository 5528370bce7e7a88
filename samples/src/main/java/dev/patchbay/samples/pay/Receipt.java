package dev.patchbay.samples.pay;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * An accepted payment.
 *
 * @param gateway the gateway's name
 * @param amount the amount charged
 * @param currency its currency
 * @param reference the gateway's transaction reference
 * @param detail one line about the source, e.g. a masked card number or the remaining balance
 */
public record Receipt(String gateway, BigDecimal amount, Currency currency, String reference,
    String detail) {}
