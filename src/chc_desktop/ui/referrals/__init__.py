"""Two-way referrals (双向转诊): the referral form, the register with its monthly counts, and the
resident's 转诊 tab."""
