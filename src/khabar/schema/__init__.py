"""The versioned JSON Schema of khabar's article output (`article.schema.json`)."""
