#!/usr/bin/env Rscript
# Expected values for services/spc, produced by the real qicharts2 0.8.1.
#
# Writes services/spc/src/test/resources/qicharts2/expected.csv, which Qicharts2ReferenceTest compares the
# Java library against row by row. The fixture is committed; regenerate it only when cases are added.
#
# How to regenerate (Debian 12 "bookworm"; the committed fixture was made with R 4.2.2 Patched (2022-11-10 r83330)):
#   apt-get install -y r-base-core r-cran-ggplot2 r-cran-scales
#   git clone https://github.com/anhoej/qicharts2 /tmp/qicharts2-src
#   git -C /tmp/qicharts2-src checkout 1b9487ecb3938d25a8a04578464f960d3a064f64   # DESCRIPTION: Version: 0.8.1
#   R CMD INSTALL /tmp/qicharts2-src        (only ggplot2, scales and stats are needed)
#   cd <repository root> && Rscript services/spc/src/test/r/expected-values.R
#
# The package must be attached with library(): its .onAttach() sets options(qic.screenedmr = TRUE), which turns
# on the screening of large moving ranges in I, T, P' and U' charts. qicharts2::qic() without library() does
# not screen and gives different limits.
#
# All data are literal vectors (no random numbers), and the inputs are also written to the fixture.

suppressPackageStartupMessages(library(qicharts2))
stopifnot(as.character(packageVersion("qicharts2")) == "0.8.1")
options(qic.screenedmr = TRUE)

cases <- list()
add <- function(name, chart, y, n = NULL, freeze = NULL, part = NULL, multiply = 1) {
  cases[[length(cases) + 1]] <<- list(name = name, chart = chart, y = y, n = n,
                                      freeze = freeze, part = part, multiply = multiply)
}

# ---- Shared series -----------------------------------------------------------
stable24 <- c(12, 15, 11, 14, 13, 16, 12, 10, 15, 14, 13, 17, 12, 11, 14, 15, 13, 12, 16, 14, 11, 13, 15, 12)
shift24  <- c(10, 12,  9, 11, 10, 13, 11,  9, 12, 10, 11, 10, 15, 17, 16, 18, 15, 17, 16, 19, 17, 15, 18, 16)
trend20  <- c(3, 4, 4, 5, 6, 6, 7, 8, 8, 9, 10, 10, 11, 12, 12, 13, 14, 15, 15, 16)
bed.days <- c(2810, 2705, 2950, 2630, 2890, 2760, 2540, 2980, 2875, 2690, 2805, 2720,
              2655, 2930, 2790, 2600, 2845, 2710, 2985, 2770, 2640, 2880, 2735, 2815)
falls    <- c(9, 7, 12, 6, 10, 8, 5, 11, 13, 7, 9, 8, 6, 14, 10, 4, 9, 7, 12, 8, 6, 10, 9, 11)
incidents <- c(3, 0, 2, 5, 1, 0, 0, 4, 2, 3, 1, 0, 6, 2, 0, 1, 3, 2, 0, 0, 2, 1, 4, 3)

# ---- Run charts --------------------------------------------------------------
add("run_stable", "run", stable24)
add("run_shift_long_run", "run", shift24)
add("run_trend_few_crossings", "run", trend20)
add("run_all_on_centre_line", "run", rep(7, 12))
add("run_many_ties_on_median", "run", c(5, 5, 6, 5, 4, 5, 5, 7, 5, 3, 5, 5, 6, 5))
add("run_missing_values", "run", c(4, NA, 6, 5, NA, 7, 3, 8, 2, NA, 6, 5, 4, 9))
add("run_fewer_than_10_useful", "run", c(3, 5, 4, 4, 6, 2, 4, 7))
add("run_single_point", "run", 42)
add("run_all_missing", "run", c(NA_real_, NA_real_, NA_real_))
add("run_ratio_with_n_missing_and_zero", "run", c(3, 4, NA, 2, 5, 0, 6, NA, 3, 4, 5, 2),
    n = c(30, 35, 40, NA, 45, 0, 50, NA, 28, 33, 41, 25))
add("run_freeze_shift", "run", shift24, freeze = 12)
add("run_freeze_longer_than_series", "run", stable24[1:20], freeze = 30)
add("run_parts", "run", shift24, part = 12)
add("run_parts_unsorted_duplicate_out_of_range", "run", stable24, part = c(16, 8, 8, 40))
add("run_multiply", "run", falls, n = bed.days, multiply = 1000)
add("run_trend_up_then_level", "run", c(1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 11, 12, 11, 12, 11, 12, 11))
# Exact rule boundaries with 20 useful points: a run longer than round(log2(20)) + 3 = 7 signals,
# fewer crossings than qbinom(0.05, 19, 0.5) = 6 signal. "L"/"H" = below/above the median.
pattern <- function(runs) {
  sides <- strsplit(runs, "")[[1]]
  low <- 1 + cumsum(sides == "L") / 10
  high <- 20 + cumsum(sides == "H") / 10
  ifelse(sides == "L", low, high)
}
add("run_longest_run_equal_to_limit", "run", pattern("LLLLLLLHLHLHHHHHHHLH"))
add("run_longest_run_one_over_limit", "run", pattern("HHLLLLLLLLHHLHHHHLHH"))
add("run_crossings_equal_to_limit", "run", pattern("LLLHHHLLLHHHHLLHHHLL"))
add("run_crossings_one_under_limit", "run", pattern("LLLLHHHLLLHHHHLLLHHH"))

# ---- I and MR charts ---------------------------------------------------------
add("i_stable", "i", stable24)
add("i_shift", "i", shift24)
add("i_screening_drops_big_range", "i", c(20, 21, 19, 22, 20, 21, 60, 20, 19, 21, 22, 20, 19, 21, 20, 22))
add("i_all_equal", "i", rep(3.5, 10))
add("i_missing_breaks_moving_range", "i", c(5.1, 4.8, NA, 5.6, 5.0, 4.7, NA, NA, 5.3, 5.2, 4.9, 5.5))
add("i_freeze", "i", shift24, freeze = 12)
add("i_parts", "i", shift24, part = 12)
add("i_single_point", "i", 7)
add("i_two_points", "i", c(7, 9))
add("i_decimals_ties", "i", c(0.1, 0.2, 0.3, 0.2, 0.1, 0.3, 0.2, 0.2, 0.1, 0.3))
add("i_negative_values", "i", c(-2.5, 1.0, -0.5, 0.0, 2.0, -1.5, 0.5, -3.0, 1.5, 0.0, -1.0, 2.5))
add("mr_stable", "mr", stable24)
add("mr_missing", "mr", c(5.1, 4.8, NA, 5.6, 5.0, 4.7, NA, NA, 5.3, 5.2, 4.9, 5.5))
add("mr_freeze", "mr", shift24, freeze = 10)
add("mr_parts", "mr", shift24, part = 12)
add("mr_sigma_signal_runs_never_signal", "mr", c(5, 6, 5, 7, 6, 5, 6, 30, 6, 5, 7, 6, 5, 6, 5, 7))

# ---- C charts ----------------------------------------------------------------
add("c_incidents_with_empty_periods", "c", incidents)
add("c_point_on_upper_limit", "c", c(10, 3, 4, 5, 2, 4, 3, 5, 4, 3, 4, 5, 3, 4, 2, 5, 4, 3, 3, 4))  # CL 4, UCL 10
add("c_point_on_lower_limit", "c", c(0, 9, 12, 8, 10, 9, 11, 7, 10, 8, 13, 9, 10, 8, 11, 9, 10, 8, 9, 9))  # CL 9, LCL 0
add("c_sigma_signal", "c", c(4, 3, 5, 2, 4, 3, 14, 4, 5, 3, 2, 4, 3, 5, 4))
add("c_long_run", "c", c(2, 1, 2, 3, 1, 2, 2, 1, 3, 2, 6, 7, 5, 6, 8, 7, 6, 5, 7, 6))
add("c_all_zero", "c", rep(0, 10))
add("c_missing", "c", c(3, NA, 4, 2, 5, NA, 3, 4, 6, 2, 3, 4))
add("c_freeze_longer_than_series", "c", incidents[1:10], freeze = 15)
add("c_parts", "c", c(incidents[1:12], incidents[13:24] + 4), part = 12)

# ---- U and U' charts ---------------------------------------------------------
add("u_falls", "u", falls, n = bed.days)
add("u_falls_per_1000_bed_days", "u", falls, n = bed.days, multiply = 1000)
add("u_zero_denominator_and_missing", "u", c(9, 7, 0, 12, NA, 6, 10, NA, 8, 5, 11, 13),
    n = c(2810, 2705, 0, 2950, 2630, NA, 2890, 2760, 2540, 2980, 2875, 2690))
add("u_point_on_upper_limit", "u", c(10, 3, 4, 5, 2, 4, 3, 5, 4, 3, 4, 5, 3, 4, 2, 5, 4, 3, 3, 4), n = rep(1, 20))
add("u_sigma_signal", "u", c(9, 7, 12, 6, 10, 8, 5, 11, 30, 7, 9, 8),
    n = c(2810, 2705, 2950, 2630, 2890, 2760, 2540, 2980, 2875, 2690, 2805, 2720))
add("u_freeze", "u", falls, n = bed.days, freeze = 12, multiply = 1000)
add("u_parts", "u", c(falls[1:12], falls[13:24] * 2), n = bed.days, part = 12)
add("u_empty_periods", "u", incidents, n = c(31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
                                             31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31))
add("up_large_denominators", "up",
    c(1520, 1610, 1480, 1705, 1550, 1390, 1660, 1580, 1725, 1495, 1605, 1540),
    n = c(251000, 263500, 248700, 270100, 255300, 240800, 266900, 258200, 274600, 249900, 262300, 253700))
add("up_screening", "up",
    c(1520, 1610, 1480, 1705, 1550, 2900, 1660, 1580, 1725, 1495, 1605, 1540),
    n = c(251000, 263500, 248700, 270100, 255300, 240800, 266900, 258200, 274600, 249900, 262300, 253700),
    multiply = 1000)
add("up_freeze", "up", falls, n = bed.days, freeze = 12)

# ---- P and P' charts ---------------------------------------------------------
add("p_pressure_ulcers", "p", c(12, 9, 15, 11, 8, 14, 10, 13, 7, 12, 16, 9, 11, 10, 14, 12),
    n = c(120, 110, 130, 125, 105, 135, 118, 122, 100, 128, 140, 112, 119, 108, 131, 124))
add("p_sigma_signal", "p", c(12, 9, 15, 11, 8, 14, 10, 35, 7, 12, 16, 9),
    n = c(120, 110, 130, 125, 105, 135, 118, 122, 100, 128, 140, 112))
add("p_percent", "p", c(12, 9, 15, 11, 8, 14, 10, 13, 7, 12, 16, 9, 11, 10, 14, 12),
    n = c(120, 110, 130, 125, 105, 135, 118, 122, 100, 128, 140, 112, 119, 108, 131, 124), multiply = 100)
add("p_upper_limit_clipped_at_one", "p", c(4, 5, 3, 5, 4, 4, 5, 3, 4, 5), n = c(5, 5, 4, 6, 5, 5, 6, 4, 5, 6))
add("p_exact_ties_with_centre_line", "p", c(1, 2, 3, 4, 1, 6, 2, 8, 3, 10, 0, 12),
    n = c(10, 20, 30, 40, 5, 60, 30, 80, 20, 100, 10, 120))
add("p_all_zero", "p", rep(0, 8), n = c(20, 25, 30, 22, 28, 24, 26, 21))
add("p_all_one", "p", c(20, 25, 30, 22, 28, 24), n = c(20, 25, 30, 22, 28, 24))
add("p_zero_denominator_and_missing", "p", c(3, 0, NA, 4, 2, 5, 0, 0, 6, 2),
    n = c(40, 0, 45, 50, 38, 42, 47, 0, 51, 39))
add("p_parts", "p", c(12, 9, 15, 11, 8, 14, 10, 13, 3, 4, 2, 5, 3, 4, 2, 3),
    n = c(120, 110, 130, 125, 105, 135, 118, 122, 100, 128, 140, 112, 119, 108, 131, 124), part = c(8))
add("pp_large_denominators", "pp",
    c(3120, 2980, 3305, 3050, 2875, 3240, 3010, 3190, 2930, 3150, 3275, 2960),
    n = c(41200, 39800, 43100, 40500, 38700, 42600, 40100, 42000, 39200, 41700, 43000, 39500))
add("pp_screening_and_freeze", "pp",
    c(3120, 2980, 3305, 3050, 2875, 4900, 3010, 3190, 2930, 3150, 3275, 2960, 3400, 3510),
    n = c(41200, 39800, 43100, 40500, 38700, 42600, 40100, 42000, 39200, 41700, 43000, 39500, 41000, 40800),
    freeze = 12, multiply = 100)

# ---- G charts ----------------------------------------------------------------
add("g_days_between_with_zeros", "g", c(12, 0, 35, 7, 3, 0, 21, 48, 5, 16, 0, 9, 27, 2, 60, 11))
add("g_basic", "g", c(45, 12, 88, 30, 7, 150, 62, 21, 95, 40, 18, 70, 33, 120, 55))
add("g_freeze", "g", c(45, 12, 88, 30, 7, 150, 62, 21, 95, 40, 180, 210, 160, 240, 190, 220), freeze = 10)
add("g_all_zero", "g", rep(0, 6))
add("g_missing", "g", c(14, NA, 30, 5, 22, NA, 9, 41, 3, 17))

# ---- T charts ----------------------------------------------------------------
add("t_skewed_times", "t", c(2.1, 15.3, 0.8, 7.4, 31.0, 4.2, 1.5, 12.7, 55.2, 3.3, 9.8, 0.4, 22.6, 6.1, 2.9))
add("t_freeze_longer_gaps", "t", c(2.1, 15.3, 0.8, 7.4, 31.0, 4.2, 1.5, 12.7, 55.2, 3.3, 60.5, 80.2, 45.1, 95.0, 70.3),
    freeze = 10)
add("t_sigma_signal", "t", c(2.1, 15.3, 0.8, 7.4, 31.0, 4.2, 1.5, 12.7, 400, 3.3, 9.8, 0.4, 22.6, 6.1, 2.9))
add("t_increasing_times", "t", c(20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31))
add("t_all_equal", "t", rep(4, 8))
add("t_parts_missing", "t", c(3, 8, NA, 1.2, 20, 5, 14, 2.5, 40, 65, NA, 90, 35, 120), part = 7)

# ---- Writing -----------------------------------------------------------------
num <- function(x) ifelse(is.na(x) & !is.nan(x), "NA", sprintf("%.17g", x))
int <- function(x) ifelse(is.na(x), "NA", sprintf("%d", as.integer(x)))
lgl <- function(x) ifelse(x, "TRUE", "FALSE")

run.case <- function(cs) {
  y <- cs$y; n <- cs$n; freeze <- cs$freeze; part <- cs$part
  x <- seq_along(y)
  # An all-missing series makes qic() warn from its y.neg check (min of nothing); the result is still right.
  d <- withCallingHandlers(
    qic(x, y, n, chart = cs$chart, freeze = freeze, part = part, multiply = cs$multiply, return.data = TRUE),
    warning = function(w) if (grepl("no non-missing arguments to min", conditionMessage(w)))
      invokeRestart("muffleWarning"))
  stopifnot(nrow(d) == length(y))
  options <- paste0("freeze=", if (is.null(freeze)) "" else freeze,
                    ";part=", if (is.null(part)) "" else paste(part, collapse = "|"),
                    ";multiply=", num(cs$multiply))
  data.frame(case = cs$name, chart = cs$chart, options = options, index = seq_along(y) - 1,
             y_in = num(y), n_in = if (is.null(n)) "" else num(n),
             y = num(d$y), n = num(d$n), cl = num(d$cl), lcl = num(d$lcl), ucl = num(d$ucl),
             sigma_signal = lgl(d$sigma.signal), runs_signal = lgl(d$runs.signal),
             n_useful = int(d$n.useful), longest_run = int(d$longest.run),
             longest_run_max = int(d$longest.run.max), n_crossings = int(d$n.crossings),
             n_crossings_min = int(d$n.crossings.min), part = int(d$part), baseline = lgl(d$baseline),
             stringsAsFactors = FALSE)
}

rows <- do.call(rbind, lapply(cases, run.case))
stopifnot(!anyDuplicated(vapply(cases, `[[`, "", "name")))
out <- file.path("services", "spc", "src", "test", "resources", "qicharts2", "expected.csv")
dir.create(dirname(out), recursive = TRUE, showWarnings = FALSE)
con <- file(out, "w")
writeLines(c(paste0("# Generated by services/spc/src/test/r/expected-values.R with qicharts2 ",
                    packageVersion("qicharts2"), " under ", R.version.string, "; do not edit."),
             "# NA = R's NA (NaN in Java); NaN = R's NaN; doubles have 17 significant digits."), con)
write.table(rows, con, sep = ",", quote = FALSE, row.names = FALSE, na = "NA")
close(con)
cat(sprintf("%d cases, %d rows written to %s\n", length(cases), nrow(rows), out))

# ---- Anhøj limits for 1..2000 useful points, straight from R ------------------------------------
# Checks BinomialQuantile (qbinom) and R's round-half-even of log2(n) well beyond the chart cases.
n <- 1:2000
limits <- data.frame(n_useful = n,
                     longest_run_max = round(log2(n)) + 3,
                     n_crossings_min = qbinom(0.05, n - 1, 0.5))
out <- file.path("services", "spc", "src", "test", "resources", "qicharts2", "anhoj-limits.csv")
con <- file(out, "w")
writeLines(paste0("# Generated by services/spc/src/test/r/expected-values.R under ", R.version.string,
                  ": round(log2(n)) + 3 and qbinom(0.05, n - 1, 0.5); do not edit."), con)
write.table(limits, con, sep = ",", quote = FALSE, row.names = FALSE)
close(con)
cat(sprintf("%d Anhøj limits written to %s\n", nrow(limits), out))
