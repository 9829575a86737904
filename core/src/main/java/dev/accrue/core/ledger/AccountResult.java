package dev.accrue.core.ledger;

import java.util.Objects;

/** The result of creating one account; {@code account} is the stored one (new or original). */
public record AccountResult(AccountId id, CreateAccountResult result, Account account) {
    public AccountResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(account, "account");
    }

    public boolean isSuccessful() {
        return result.isSuccess();
    }
}
