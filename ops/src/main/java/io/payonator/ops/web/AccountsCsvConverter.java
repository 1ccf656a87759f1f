package io.payonator.ops.web;

import io.payonator.api.query.AccountsPage;
import io.payonator.query.AccountsCsv;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** A page of accounts as the accounts CSV of SPEC.md, written by the same code as the command line's. */
final class AccountsCsvConverter extends AbstractHttpMessageConverter<AccountsPage> {

    static final String TEXT_CSV_VALUE = "text/csv";

    AccountsCsvConverter() {
        super(StandardCharsets.UTF_8, MediaType.parseMediaType(TEXT_CSV_VALUE));
    }

    @Override
    protected boolean supports(Class<?> type) {
        return AccountsPage.class.isAssignableFrom(type);
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected AccountsPage readInternal(Class<? extends AccountsPage> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("accounts are not read from CSV", input);
    }

    @Override
    protected void writeInternal(AccountsPage page, HttpOutputMessage output) throws java.io.IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8), 1 << 16);
        AccountsCsv.write(page.accounts(), writer);
        writer.flush();
    }
}
