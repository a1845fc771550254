// The commented pool profile skeleton `budgettjek pools init` writes: every field, its default and what it means.
// As written it does not load: the three required fields are blank, so `pools show` names what to fill in.

export function profileSkeleton(id: string): string {
  return `# Pool profile for budgettjek (YAML). Check it with: budgettjek pools show <this file>
# Use it with:  budgettjek check --pool <this file> budget.xlsx
#
# Fill in the three REQUIRED fields (name, applicants.type, sources); everything else is
# optional. A commented-out line shows the field's default: leave it out to keep the default,
# remove the "# " to set it. Amounts are kroner (no dots: 500000), percents are numbers (20).
# Figures you have not found in a source should stay out: say in notes what is not known.

id: ${id}                      # lowercase letters, digits and dashes; what --pool and reports call it
name:                          # REQUIRED: the pool's name, as the workbook's "Pulje" field may write it
# nameEn:                      # an English name (--lang en)
# aliases: []                  # other names the "Pulje" field may use (e.g. the finance-law account)
# administrator:               # who administers the pool
# financeLawAccount:           # e.g. "§ 15.75.55.10"
# funds:                       # the pool's total funds in kroner (cap/pool-exceeded, pool/oversubscribed);
#                              # leave out where the funder does not publish them
# period:                      # the project period; leave out if unknown (then the application's
#   start: 2025-01             # own stated period bounds the checks; say so in notes)
#   end: 2026-12
# granularity: month           # month | quarter: the columns the budget must be spread over;
#                              # a monthly budget always satisfies a quarterly pool
# deadline:                    # the application deadline, as text
applicants:
  type:                        # REQUIRED: municipality | association | organisation | partnership | any
#                              # (decides VAT: a municipality gets VAT refunded, the others bear it)
#   named: []                  # named applicants, where the pool is closed to others
#   description:               # who may apply, in words
#   oneGrantPerApplicant: false  # one grant per applicant across the pool's rounds
#   maxPerApplicant:           # the most one applicant may get, kroner (cap/application-limit)
# vatEligible:                 # true | false; default by applicants.type (municipality: false, others: true)
# fondsmomsPercent:            # e.g. 17.5: fondsmoms a municipality pays back on a private foundation's grant
# annualCap:                   # cap on one application's expenses per calendar year, kroner (cap/annual-exceeded)
# application:
#   min:                       # least one application may ask for, kroner (cap/application-limit)
#   max:                       # most one application may ask for, kroner (cap/application-limit)
# coFinancing:                 # cap/co-financing; leave out if the funder has no requirement
#   subsidyPercent: 80         # the grant covers at most this percent of the budget's expenses
#   minOwnSharePercent: 20     # own/co-financing must be at least this percent of the expenses
# overhead: none               # none (overhead is a lump sum: itemisation/lump-sum-post), or allowed:
#   percent: 20                #   at most this percent (eligibility/overhead-limit)
#   base: salaries             #   of salaries | direct-costs
# thresholds:
#   equipmentPerYear: 50000    # equipment above this per project year is not eligible (eligibility/equipment-cap)
#   equipmentKeepWithoutApproval: 10000  # equipment bought for up to this may be kept without approval
#   noteAbove: 100000          # a line above this wants a budget note (itemisation/missing-note)
#   deviationPercent: 10       # accounts: a deviation above this percent needs prior approval
#   deviationAmount: 100000    # accounts: ... or above this many kroner (null: no amount limit)
#   repayDeMinimis: 500        # accounts: unspent funds below this are not collected
#   tolerance: 1               # kroner of rounding allowed in sums
# deviation:
#   per: post                  # post | main-line: the deviation threshold applies per post or per
#                              # main line (a section such as "1. Løn" with its posts)
#   salaryLineChanges: false   # true: any change to a salary line needs approval, whatever its size
#   newPosts: true             # true: a post not in the approved budget always needs approval;
#                              # false: only when it is above the deviation amount
# audit:                       # audit tiers: grants above "above" kroner need the requirement
#   - { above: 0, requirement: independent-accountant }   # declaration | independent-accountant |
#   - { above: 100000, requirement: registered-auditor }  # registered-auditor | performance-audit
#   - { above: 500000, requirement: performance-audit }
# eligibleCategories: []       # expense categories the pool funds (informative)
#
# National data: leave these out and the profile gets the state's low km rates (2017 on, dated,
# with sources) and SBST's standard lists; set one to replace it for this pool.
# mileageRates:                # eligibility/mileage-rate
#   - { from: 2026-01-01, rate: 2.28, source: "Skatterådets lave sats 2026" }
# ineligibleCategories: [property, construction, deficit, living-costs, volunteer-training, abroad, bonus, vat, unforeseen]
# lumpSumTerms: [overhead, administrationsbidrag, diverse, div., andet, øvrige udgifter, andre udgifter, øvrige, løn til medarbejdere, uforudsete udgifter, uforudsete, buffer, reserve]
# recurringTerms: [løn, lønninger, gage, husleje, leje af lokaler, projektleder, projektmedarbejder, koordinator]
sources:                       # REQUIRED: at least one; "covers" names the fields each source backs
#  - id: F1
#    title: "The funder's call for applications"
#    url: https://example.org/call
#    covers: [funds, period, applicants, coFinancing]
# notes: []                    # what the sources do not say
`;
}
