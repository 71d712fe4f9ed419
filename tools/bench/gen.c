/*
 * gen.c - benchmark input: a synthetic usage-log export with the real
 * header names of FORMATS.md, deterministic (a fixed-seed xorshift).
 *
 *   gen openrouter ROWS > file.csv
 *   gen litellm ROWS > file.csv   (SpendLogs: JSON text fields holding
 *                                  commas, quotes and newlines)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t state = 88172645463325252ull;

static uint64_t next(void)
{
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return state;
}

static const char *const models[] = {
	"openai/gpt-4o-mini-2024-07-18", "anthropic/claude-sonnet-4-5-20250929",
	"google/gemini-2.5-flash", "openai/gpt-5-mini-2025-08-07",
	"deepseek/deepseek-v4-flash", "anthropic/claude-haiku-4-5-20251001",
	"openai/gpt-4.1-2025-04-14", "mistral/mistral-small-latest"
};
#define NMODELS (sizeof(models) / sizeof(models[0]))

static void openrouter(long rows)
{
	long i;

	puts("generation_id,created_at,cost_total,cost_web_search,cost_cache,"
	     "cost_file_processing,byok_usage_inference,tokens_prompt,tokens_completion,"
	     "tokens_reasoning,tokens_cached,model_permaslug,provider_name,variant,cancelled,"
	     "streamed,user,finish_reason_raw,finish_reason_normalized,generation_time_ms,"
	     "time_to_first_token_ms,api_key_disabled,api_key_name,app_name");
	for (i = 0; i < rows; i++) {
		uint64_t r = next();
		unsigned in = 200 + (unsigned)(r % 4000), out = 20 + (unsigned)((r >> 12) % 800);
		unsigned cached = (unsigned)((r >> 24) % 3) ? 0 : in / 2;
		long sec = i * 2;
		printf("gen-%016llx,2026-10-%02ld %02ld:%02ld:%02ld.%03u,%.6f,0,0,0,0,%u,%u,%u,%u,%s,"
		       "Provider %u,standard,false,true,user-%u,stop,stop,%u,%u,false,key-%u,app\n",
		       (unsigned long long)r, 1 + (sec / 86400) % 28, (sec / 3600) % 24,
		       (sec / 60) % 60, sec % 60, (unsigned)(r % 1000),
		       (in * 0.000001 + out * 0.000004), in, out, (unsigned)((r >> 30) % 50),
		       cached, models[(r >> 40) % NMODELS], (unsigned)((r >> 44) % 5),
		       (unsigned)((r >> 48) % 300), 300 + (unsigned)(r % 5000),
		       100 + (unsigned)((r >> 8) % 900), (unsigned)((r >> 52) % 7));
	}
}

static void litellm(long rows)
{
	long i;

	puts("request_id,call_type,api_key,spend,total_tokens,prompt_tokens,completion_tokens,"
	     "startTime,endTime,request_duration_ms,completionStartTime,model,model_id,"
	     "model_group,custom_llm_provider,api_base,user,metadata,cache_hit,cache_key,"
	     "request_tags,team_id,organization_id,end_user,requester_ip_address,messages,"
	     "response,session_id,status");
	for (i = 0; i < rows; i++) {
		uint64_t r = next();
		unsigned in = 200 + (unsigned)(r % 4000), out = 20 + (unsigned)((r >> 12) % 800);
		const char *m = strchr(models[(r >> 40) % NMODELS], '/') + 1;
		long sec = i * 13;
		printf("req-%016llx,acompletion,sk-%u,%.6f,%u,%u,%u,"
		       "2026-10-%02ld %02ld:%02ld:%02ld,2026-10-%02ld %02ld:%02ld:%02ld,%u,"
		       "2026-10-%02ld %02ld:%02ld:%02ld,%s,mid-%u,%s,openai,https://api.example,"
		       "user-%u,"
		       "\"{\"\"user_api_key_alias\"\": \"\"team, alpha\"\", \"\"tags\"\": [\"\"a\"\", \"\"b\"\"]}\","
		       "False,,\"[\"\"prod\"\"]\",team-%u,org-1,,10.0.0.%u,"
		       "\"[{\"\"role\"\": \"\"user\"\", \"\"content\"\": \"\"Hello, world.\n"
		       "Say \"\"hi\"\", twice.\"\"}]\","
		       "\"{\"\"choices\"\": [{\"\"message\"\": {\"\"content\"\": \"\"hi,\nhi\"\"}}]}\","
		       "sess-%u,success\n",
		       (unsigned long long)r, (unsigned)((r >> 20) % 50),
		       in * 0.000001 + out * 0.000004, in + out, in, out,
		       1 + (sec / 86400) % 28, (sec / 3600) % 24, (sec / 60) % 60, sec % 60,
		       1 + (sec / 86400) % 28, (sec / 3600) % 24, (sec / 60) % 60, (sec + 1) % 60,
		       300 + (unsigned)(r % 5000),
		       1 + (sec / 86400) % 28, (sec / 3600) % 24, (sec / 60) % 60, sec % 60,
		       m, (unsigned)((r >> 44) % 9), m, (unsigned)((r >> 48) % 300),
		       (unsigned)((r >> 52) % 7), (unsigned)((r >> 30) % 250),
		       (unsigned)((r >> 36) % 1000));
	}
}

int main(int argc, char **argv)
{
	long rows;

	if (argc != 3 || (rows = atol(argv[2])) <= 0) {
		fprintf(stderr, "usage: gen openrouter|litellm ROWS\n");
		return 2;
	}
	if (!strcmp(argv[1], "openrouter"))
		openrouter(rows);
	else if (!strcmp(argv[1], "litellm"))
		litellm(rows);
	else {
		fprintf(stderr, "gen: unknown layout %s\n", argv[1]);
		return 2;
	}
	return fflush(stdout) || ferror(stdout) ? 4 : 0;
}
