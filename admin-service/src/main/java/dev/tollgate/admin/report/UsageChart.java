package dev.tollgate.admin.report;

/**
 * A titled chart for the reports page.
 *
 * @param id what the page's element id is made from
 * @param title the caption
 * @param svg the chart as SVG, its text already escaped, so the page inserts it unescaped
 */
public record UsageChart(String id, String title, String svg) {}
