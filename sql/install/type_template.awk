# sql/install/type_template.awk: copies install (or update) parts, replacing each
# directive line
#	-- @NAME TYPE [CSYM] [option ...]
# with the template sql/install/NAME.sql.in (the folder passed as -v dir=PATH)
# for TYPE, whose C functions are CSYM_*.  A template line that starts with
# @OPTION@ is kept (without the marker) only when that option is given.  A
# template may hold directives itself (a taxonomy type is an ordered type); they
# are expanded in turn.  One template serves every type of its kind:
#	taxonomy_type.sql.in  a one-byte taxonomy type: I/O, casts, and its order;
#	                      CSYM is its tag, its row in src/taxonomy.c
#	taxonomy_c_names.sql.in  (upgrade to 1.2) a type of 1.1 onto the C
#	                      functions of its tag
#	ordered_type.sql.in   comparison operators, btree and hash operator classes;
#	                      options sortsupport, minmax (the min and max aggregates)
#	equality_type.sql.in  = and <> only; option hash (a hash operator class)
#	journey_agg_labels.sql.in  journey_agg of stage and channel given as TYPE
#	survey_scores.sql.in  survey_agg, nps, csat, ces and their support of
#	                      scores of TYPE (converted by the C functions *_any)
#	jsonb_cast.sql.in     the explicit cast of TYPE to jsonb through the C
#	                      function CSYM_jsonb (its comment follows the directive)
#	rule_table.sql.in     what makes the table TYPE a rules table of the
#	                      classifier: its unique index on the words, pg_dump,
#	                      grants and the ENABLE ALWAYS triggers that reload it
function directive(line, f) {
	return split(line, f) >= 3 && f[1] == "--" && f[2] ~ /^@[a-z_]+$/
}

function expand(line,    f, n, i, tmpl, type, csym, opts, t, found, lines, count) {
	n = split(line, f)
	tmpl = dir "/" substr(f[2], 2) ".sql.in"
	type = f[3]
	csym = f[4]
	opts = " "
	for (i = 5; i <= n; i++)
		opts = opts f[i] " "
	# read the whole template first: a nested directive may open another one
	found = 0
	count = 0
	while ((getline t < tmpl) > 0)
	{
		found = 1
		lines[++count] = t
	}
	close(tmpl)
	if (!found)
	{
		print "type_template.awk: no template " tmpl > "/dev/stderr"
		exit 1
	}
	for (i = 1; i <= count; i++)
	{
		t = lines[i]
		if (match(t, /^@[A-Z]+@/) && t !~ /^@(TYPE|C)@/)
		{
			if (index(opts, " " tolower(substr(t, 2, RLENGTH - 2)) " ") == 0)
				continue
			t = substr(t, RLENGTH + 1)
		}
		gsub(/@TYPE@/, type, t)
		gsub(/@C@/, csym, t)
		if (directive(t))
			expand(t)
		else
			print t
	}
}

directive($0) { expand($0); next }
{ print }
