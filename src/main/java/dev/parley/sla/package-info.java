/**
 * Time rules: business hours per team (weekly schedule, time zone, holidays), SLA policies by priority with due
 * times and breaches counted in business hours, and auto-resolve / auto-close of idle conversations.
 */
package dev.parley.sla;
