package dev.patchbay.samples.pay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.samples.CliErrors;
import dev.patchbay.samples.CliRunner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

final class PayCommandTest {

  @Test
  void card_paysWithAValidNumber() {
    CliRunner.Result result = CliRunner.run("pay", "--gateway", "card", "--amount", "12.50",
        "--card", "4111 1111 1111 1111");

    assertEquals(0, result.exitCode(), result::toString);
    assertTrue(result.out().startsWith("Paid 12.50 EUR with card ending 1111 (gateway card,"),
        result::toString);
    assertFalse(result.out().contains("4111 1111"), "the full card number is never printed");
  }

  @Test
  void wallet_paysAndShowsTheRemainingBalance() {
    CliRunner.Result result = CliRunner.run("pay", "--gateway", "wallet", "--amount", "12.5",
        "--wallet", "bob", "--balance", "20");

    assertEquals(0, result.exitCode(), result::toString);
    assertTrue(result.out().startsWith("Paid 12.50 EUR with bob's wallet, 7.50 EUR left"),
        result::toString);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = ';', value = {
      "0;        is zero",
      "-5;       is negative",
      "12.505;   has more than 2 decimals",
      "2000000;  is over the limit",
  })
  void invalidAmount_isOneLineErrorWithExitCode2(String amount, String expected) {
    CliRunner.Result result = CliRunner.run("pay", "--amount", amount);

    assertEquals(CliErrors.USAGE, result.exitCode(), result::toString);
    assertEquals(1, result.err().lines().count(), result::toString);
    assertTrue(result.err().contains("amount " + amount + " EUR " + expected), result::toString);
    assertEquals("", result.out());
  }

  @Test
  void amountDecimals_followTheCurrency() {
    CliRunner.Result yen = CliRunner.run("pay", "--amount", "100.5", "--currency", "JPY");
    CliRunner.Result trailingZeros = CliRunner.run("pay", "--amount", "12.500");

    assertEquals(CliErrors.USAGE, yen.exitCode(), yen::toString);
    assertTrue(yen.err().contains("more than 0 decimals"), yen::toString);
    assertEquals(0, trailingZeros.exitCode(), trailingZeros::toString);
    assertTrue(trailingZeros.out().startsWith("Paid 12.50 EUR"), trailingZeros::toString);
  }

  @Test
  void notANumber_isAUsageError() {
    CliRunner.Result result = CliRunner.run("pay", "--amount", "twelve");

    assertEquals(CliErrors.USAGE, result.exitCode(), result::toString);
    assertTrue(result.err().contains("twelve"), result::toString);
  }

  @Test
  void luhnFailure_isExitCode2() {
    CliRunner.Result result = CliRunner.run("pay", "--gateway", "card", "--amount", "10",
        "--card", "4111111111111112");

    assertEquals(CliErrors.USAGE, result.exitCode(), result::toString);
    assertTrue(result.err().contains("fails the Luhn check"), result::toString);
  }

  @Test
  void insufficientFunds_isDeclinedWithExitCode1() {
    CliRunner.Result result = CliRunner.run("pay", "--gateway", "wallet", "--amount", "25.00",
        "--balance", "20.00");

    assertEquals(PayCommand.DECLINED, result.exitCode(), result::toString);
    assertEquals(1, result.err().lines().count(), result::toString);
    assertTrue(result.err().contains("declined: insufficient funds: alice's wallet holds 20.00"
        + " EUR but the payment is 25.00 EUR (5.00 short)"), result::toString);
  }

  @Test
  void walletAmounts_areShownInTheCurrencysForm() {
    CliRunner.Result declined = CliRunner.run("pay", "--gateway", "wallet", "--amount", "20",
        "--balance", "10");
    CliRunner.Result paid = CliRunner.run("pay", "--gateway", "wallet", "--amount", "20",
        "--balance", "50");

    assertTrue(declined.err().contains("holds 10.00 EUR but the payment is 20.00 EUR (10.00 short)"),
        declined::toString);
    assertTrue(paid.out().startsWith("Paid 20.00 EUR with alice's wallet, 30.00 EUR left"), paid::toString);
  }

  @Test
  void declinedCard_isExitCode1() {
    CliRunner.Result result = CliRunner.run("pay", "--amount", "10",
        "--card", CardGateway.DECLINED_TEST_CARD);

    assertEquals(PayCommand.DECLINED, result.exitCode(), result::toString);
    assertTrue(result.err().contains("issuer declined 10.00 EUR on the card ending 0002"),
        result::toString);
  }

  @Test
  void unknownGateway_andCurrency_areUsageErrors() {
    CliRunner.Result gateway = CliRunner.run("pay", "--gateway", "wallett", "--amount", "1");
    CliRunner.Result currency = CliRunner.run("pay", "--amount", "1", "--currency", "EURO");

    assertEquals(CliErrors.USAGE, gateway.exitCode(), gateway::toString);
    assertTrue(gateway.err().contains("did you mean 'wallet'?"), gateway::toString);
    assertEquals(CliErrors.USAGE, currency.exitCode(), currency::toString);
    assertTrue(currency.err().contains("ISO 4217"), currency::toString);
  }

  @Test
  void gateway_rejectsTheOtherKindOfSource() {
    PaymentGateway wallet = PaymentGatewayRegistry.create("wallet");
    PaymentRequest byCard = new PaymentRequest(java.math.BigDecimal.ONE,
        java.util.Currency.getInstance("EUR"), new PaymentSource.Card("4111111111111111"));

    IllegalArgumentException error = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> wallet.process(byCard));
    assertTrue(error.getMessage().contains("takes wallet payments"));
  }

  @ParameterizedTest
  @CsvSource({"4111111111111111,true", "79927398713,true", "79927398710,false",
      "0,true", "1,false", "5500005555555559,true"})
  void luhn_matchesKnownNumbers(String digits, boolean valid) {
    assertEquals(valid, Luhn.isValid(digits));
  }
}
