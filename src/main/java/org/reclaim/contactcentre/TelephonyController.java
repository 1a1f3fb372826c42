package org.reclaim.contactcentre;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.shared.InvalidInput;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Telephony statistics (SecurityConfig: a team leader or an administrator imports them), the call-answering settings
 * (anyone signed in reads them, an administrator sets them) and the call-answering report (anyone signed in).
 */
@RestController
class TelephonyController {

    record ImportView(long importId, String authority, @Nullable String fileName, int lines, int added, int replaced, int unchanged,
                      List<String> ignoredColumns, boolean alreadyImported) {
    }

    record SettingsInput(@NotBlank(message = "is required: the first day of the peak period, MM-DD, e.g. 03-01") String peakFrom,
                         @NotBlank(message = "is required: the last day of the peak period, MM-DD, e.g. 04-30") String peakTo,
                         @NotNull(message = "is required: the percentage of calls to answer on peak days, e.g. 82")
                         @DecimalMin(value = "0", message = "must be 0 to 100") @DecimalMax(value = "100", message = "must be 0 to 100")
                         BigDecimal peakTargetPercent,
                         @NotNull(message = "is required: the percentage of calls to answer on other days, e.g. 86")
                         @DecimalMin(value = "0", message = "must be 0 to 100") @DecimalMax(value = "100", message = "must be 0 to 100")
                         BigDecimal otherTargetPercent,
                         @Nullable LocalDate effectiveFrom,
                         @NotBlank(message = "is required: why the settings change") @Size(max = 1000) String reason) {
    }

    record SettingsView(String peakFrom, String peakTo, BigDecimal peakTargetPercent, BigDecimal otherTargetPercent,
                        @Nullable LocalDate effectiveFrom, @Nullable String reason, @Nullable String setBy, boolean isDefault) {
        static SettingsView of(CallAnsweringSettings.Settings s) {
            return new SettingsView(PeakPeriod.text(s.peak().from()), PeakPeriod.text(s.peak().to()), s.peakTargetPercent(),
                    s.otherTargetPercent(), s.effectiveFrom(), s.reason(), s.setBy(), s.effectiveFrom() == null);
        }
    }

    record SettingsAnswer(String authority, SettingsView inForce, List<SettingsView> history) {
    }

    record ReportView(String authority, LocalDate from, LocalDate to, String peakPeriod, CallAnswering.Split peak, CallAnswering.Split offPeak,
                      CallAnswering.Figures total, String rateRule) {
    }

    private final TelephonyImports imports;
    private final CallAnsweringSettings settings;
    private final CallAnswering callAnswering;
    private final Authorities authorities;
    private final Clock clock;

    TelephonyController(TelephonyImports imports, CallAnsweringSettings settings, CallAnswering callAnswering, Authorities authorities,
                        Clock clock) {
        this.imports = imports;
        this.settings = settings;
        this.callAnswering = callAnswering;
        this.authorities = authorities;
        this.clock = clock;
    }

    /** The telephony system's interval export as a multipart upload in the part {@code file}: 201, or 200 when the same file came before. */
    @PostMapping(path = "/api/v1/telephony/intervals", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportView> importIntervals(@RequestParam String authority, @RequestParam("file") MultipartFile file) throws IOException {
        BillingAuthority council = authorities.named(authority, "authority");
        TelephonyImports.Outcome o = imports.importFile(council.id(), file.getBytes(), file.getOriginalFilename());
        return ResponseEntity.status(o.alreadyImported() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(new ImportView(o.importId(), council.gssCode(), o.fileName(), o.lines(), o.added(), o.replaced(), o.unchanged(),
                        o.ignoredColumns(), o.alreadyImported()));
    }

    @GetMapping("/api/v1/authorities/{code}/call-answering")
    SettingsAnswer settings(@PathVariable String code) {
        BillingAuthority council = authorities.byGssCode(code);
        return new SettingsAnswer(council.gssCode(), SettingsView.of(settings.on(council.id(), LocalDate.now(clock))),
                settings.history(council.id()).stream().map(SettingsView::of).toList());
    }

    /** A new version of the peak period and targets, from {@code effectiveFrom} (default today). */
    @PutMapping("/api/v1/authorities/{code}/call-answering")
    SettingsAnswer set(@PathVariable String code, @Valid @RequestBody SettingsInput input) {
        BillingAuthority council = authorities.byGssCode(code);
        PeakPeriod peak;
        try {
            peak = new PeakPeriod(monthDay("peakFrom", input.peakFrom()), monthDay("peakTo", input.peakTo()));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("peakTo", "the peak period covers the whole year: leave some days off-peak");
        }
        settings.set(council.id(), peak, tenths("peakTargetPercent", input.peakTargetPercent()),
                tenths("otherTargetPercent", input.otherTargetPercent()),
                input.effectiveFrom() == null ? LocalDate.now(clock) : input.effectiveFrom(), input.reason().strip());
        return settings(code);
    }

    @GetMapping("/api/v1/reports/call-answering")
    ReportView report(@RequestParam String authority, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        BillingAuthority council = authorities.named(authority, "authority");
        CallAnswering.Report r = callAnswering.report(council.id(), from, to);
        return new ReportView(council.gssCode(), r.from(), r.to(), r.peakPeriod(), r.peak(), r.offPeak(), r.total(), r.rateRule());
    }

    private static MonthDay monthDay(String field, String text) {
        try {
            return MonthDay.parse("--" + text.strip());
        } catch (DateTimeException e) {
            throw InvalidInput.of(field, "must be a day of the year as MM-DD, e.g. 03-01");
        }
    }

    private static BigDecimal tenths(String field, BigDecimal percent) {
        if (percent.stripTrailingZeros().scale() > 1) {
            throw InvalidInput.of(field, "has at most one decimal place, e.g. 82.5");
        }
        return percent.setScale(1, RoundingMode.UNNECESSARY);
    }
}
